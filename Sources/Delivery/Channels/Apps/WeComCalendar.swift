import Foundation
import Messages

/// WeCom calendar entries (日程) in one member's calendar: the application's token (`gettoken`, as for
/// application messages), then `oa/schedule/add` with the member as organizer and attendee
/// (developer.work.weixin.qq.com/document/path/93648). Takes planned visits only.
///
/// Known limit: an entry is added once per task and revision (the outbox key); when a task moves, the new day is
/// added as a new entry and the old one stays in the calendar, since the schedule_id WeCom answers is not kept.
struct WeComCalendar: AppVendor {
  /// The application: its token request and the meaning of WeCom's codes.
  let app: WeComApp

  var vendor: String { "WeCom calendar" }

  func userID(of recipient: Recipient) -> String? { recipient.wecom }

  func unsendable(_ message: RenderedMessage) -> String? {
    message.plannedVisit == nil ? "WeCom calendar: only planned visits are written to calendars" : nil
  }

  func tokenRequest() -> AppRequest { app.tokenRequest() }

  func token(from reply: HTTPReply) -> Result<(token: String, lifetime: TimeInterval), AppFailure> {
    app.token(from: reply)
  }

  /// The entry: summary and location at most 128 characters, the description at most 512 (the limits the
  /// documentation has given).
  func sendRequest(_ message: RenderedMessage, to userID: String, token: String) -> AppRequest {
    let visit = message.plannedVisit
    let schedule = Schedule(
      organizer: userID, startTime: visit?.start ?? 0, endTime: visit?.end ?? 0,
      isWholeDay: visit?.allDay == true ? 1 : 0, attendees: [.init(userid: userID)],
      summary: String((visit?.summary ?? message.title).prefix(128)),
      description: String((visit?.details ?? message.body).prefix(512)),
      location: String((visit?.location ?? "").prefix(128)),
      reminders: .init(isRemind: visit?.allDay == true ? 0 : 1, remindBeforeEventSecs: 3600))
    return AppRequest(
      url: app.baseURL + "/cgi-bin/oa/schedule/add?access_token=" + RobotSignature.percentEncoded(token),
      headers: [("Content-Type", "application/json")],
      body: JSONBody.encode(Body(schedule: schedule, agentid: app.agentID)))
  }

  func verdict(_ reply: HTTPReply) -> AppVerdict { app.verdict(reply) }

  private struct Body: Encodable {
    var schedule: Schedule
    var agentid: Int
  }

  private struct Schedule: Encodable {
    struct Attendee: Encodable { var userid: String }
    struct Reminders: Encodable {
      var isRemind: Int
      var remindBeforeEventSecs: Int

      enum CodingKeys: String, CodingKey {
        case isRemind = "is_remind"
        case remindBeforeEventSecs = "remind_before_event_secs"
      }
    }
    var organizer: String
    var startTime: Int64
    var endTime: Int64
    var isWholeDay: Int
    var attendees: [Attendee]
    var summary: String
    var description: String
    var location: String
    var reminders: Reminders

    enum CodingKeys: String, CodingKey {
      case organizer, attendees, summary, description, location, reminders
      case startTime = "start_time"
      case endTime = "end_time"
      case isWholeDay = "is_whole_day"
    }
  }
}
