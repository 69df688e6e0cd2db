import Foundation
import Testing

@testable import Policy

@Suite("Broken rule files")
struct BrokenFileTests {
  @Test(arguments: BrokenFileTests.corpus)
  func reportsExactly(_ broken: BrokenFile) throws {
    let directory = try Support.directory([broken.file: broken.text + "\n"])
    let load = Support.load(over: [directory])
    #expect(Support.messages(load, relativeTo: directory) == broken.messages)
    #expect(load.ruleSet == nil)
  }

  @Test func corpusIsLarge() { #expect(BrokenFileTests.corpus.count >= 40) }

  static let corpus: [BrokenFile] = [
    BrokenFile(
      "toml-syntax", "r.toml",
      """
      id = "r"
      title = "unterminated
      kind = "basic"
      """,
      [
        "r.toml:2: invalid TOML: Error while parsing string: unescaped control characters other than TAB (U+0009) are explicitly prohibited"
      ]),
    BrokenFile(
      "id-mismatch", "r.toml",
      """
      id = "rr"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = "1 per quarter"
      """,
      [
        "r.toml:1: id: 'rr' does not match the file name r.toml; expected 'r'"
      ]),
    BrokenFile(
      "id-missing", "r.toml",
      """
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = "1 per quarter"
      """,
      [
        "r.toml: id: missing required key; expected 'r', the file name"
      ]),
    BrokenFile(
      "title-missing", "r.toml",
      """
      id = "r"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = "1 per quarter"
      """,
      [
        "r.toml: title: missing required key; expected a short title"
      ]),
    BrokenFile(
      "title-empty", "r.toml",
      """
      id = "r"
      title = ""
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = "1 per quarter"
      """,
      [
        "r.toml:2: title: empty string; expected a value"
      ]),
    BrokenFile(
      "kind-missing", "r.toml",
      """
      id = "r"
      title = "测试"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = "1 per quarter"
      """,
      [
        "r.toml: kind: missing required key; expected basic or deep"
      ]),
    BrokenFile(
      "kind-misspelt", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "depp"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = "1 per quarter"
      """,
      [
        "r.toml:3: kind: 'depp': unknown kind; did you mean 'deep'? expected basic or deep"
      ]),
    BrokenFile(
      "unknown-root-key", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]
      titel = "x"

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = "1 per quarter"
      """,
      [
        "r.toml:5: titel: unknown key; did you mean 'title'? expected id, title, description, kind, channels, interviewees, split, grace, precedence, select, trigger or visiting-window"
      ]),
    BrokenFile(
      "channel-unknown", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone", "fax"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = "1 per quarter"
      """,
      [
        "r.toml:4: channels: 'fax': unknown channel; expected in-home, phone, wechat or sms"
      ]),
    BrokenFile(
      "channel-misspelt", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["wechta"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = "1 per quarter"
      """,
      [
        "r.toml:4: channels: 'wechta': unknown channel; did you mean 'wechat'? expected in-home, phone, wechat or sms"
      ]),
    BrokenFile(
      "channels-wrong-type", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = 3

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = "1 per quarter"
      """,
      [
        "r.toml:4: channels: expected a string or an array of strings, found an integer"
      ]),
    BrokenFile(
      "channels-empty", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = []

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = "1 per quarter"
      """,
      [
        "r.toml:4: channels: empty array; expected at least one value (leave the key out to match all)"
      ]),
    BrokenFile(
      "channels-twice", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone", "phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = "1 per quarter"
      """,
      [
        "r.toml:4: channels: 'phone' is listed twice; expected each channel once"
      ]),
    BrokenFile(
      "channels-missing", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = "1 per quarter"
      """,
      [
        "r.toml: channels: missing required key; expected in-home, phone, wechat or sms"
      ]),
    BrokenFile(
      "state-misspelt", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacnat"]
      grade = ["A", "B"]

      [trigger]
      quota = "1 per quarter"
      """,
      [
        "r.toml:7: [select].state: 'vacnat': unknown state; did you mean 'vacant'? expected vacant, renovating or occupied"
      ]),
    BrokenFile(
      "grade-unknown", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "E"]

      [trigger]
      quota = "1 per quarter"
      """,
      [
        "r.toml:8: [select].grade: 'E': unknown grade; expected A, B, C or D"
      ]),
    BrokenFile(
      "grade-lowercase", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["a", "B"]

      [trigger]
      quota = "1 per quarter"
      """,
      [
        "r.toml:8: [select].grade: 'a': unknown grade; did you mean 'A'? expected A, B, C or D"
      ]),
    BrokenFile(
      "select-key-misspelt", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grades = ["A", "B"]

      [trigger]
      quota = "1 per quarter"
      """,
      [
        "r.toml:8: [select].grades: unknown key; did you mean 'grade'? expected state, grade, project or tags"
      ]),
    BrokenFile(
      "select-not-table", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]
      select = "vacant"

      [trigger]
      quota = "1 per quarter"
      """,
      [
        "r.toml:5: select: expected a [select] table, found a string"
      ]),
    BrokenFile(
      "trigger-missing", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]
      """,
      [
        "r.toml: trigger: missing required key; expected a [trigger] table"
      ]),
    BrokenFile(
      "trigger-empty", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      """,
      [
        "r.toml:10: [trigger]: no trigger; expected quota, after or campaign"
      ]),
    BrokenFile(
      "trigger-key-misspelt", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      after = "moved-in"
      withn = "1 month"
      """,
      [
        "r.toml:11: [trigger].after: the window never closes; expected within = \"<span>\" or until = \"<event>\"",
        "r.toml:12: [trigger].withn: unknown key; did you mean 'within'? expected quota, each, after, within, until, count, campaign or coverage",
      ]),
    BrokenFile(
      "quota-unknown-period", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = "1 per fortnight"
      """,
      [
        "r.toml:11: [trigger].quota: '1 per fortnight': unknown period 'fortnight'; expected month, quarter, half-year or year"
      ]),
    BrokenFile(
      "quota-misspelt-period", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = "1 per quater"
      """,
      [
        "r.toml:11: [trigger].quota: '1 per quater': unknown period 'quater'; did you mean 'quarter'? expected month, quarter, half-year or year"
      ]),
    BrokenFile(
      "quota-malformed", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = "once a quarter"
      """,
      [
        "r.toml:11: [trigger].quota: 'once a quarter': expected '<count> per <period>', e.g. '1 per quarter'"
      ]),
    BrokenFile(
      "quota-zero", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = "0 per year"
      """,
      [
        "r.toml:11: [trigger].quota: '0 per year': a count of 0; expected at least 1"
      ]),
    BrokenFile(
      "quota-wrong-type", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = 1
      """,
      [
        "r.toml:11: [trigger].quota: expected a string, found an integer"
      ]),
    BrokenFile(
      "split-does-not-fit", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = "2 per year"
      each = "quarter"
      """,
      [
        "r.toml:12: [trigger].each: '2 per year' does not split evenly into 4 quarters; expected a count that is a multiple of 4"
      ]),
    BrokenFile(
      "each-longer-than-period", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = "1 per quarter"
      each = "year"
      """,
      [
        "r.toml:12: [trigger].each: 'year' is longer than the quota's period 'quarter'; expected month or quarter"
      ]),
    BrokenFile(
      "each-without-quota", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      after = "moved-in"
      within = "1 month"
      each = "month"
      """,
      [
        "r.toml:13: [trigger].each: does not apply to an event trigger (after); expected after, within, until or count"
      ]),
    BrokenFile(
      "two-triggers", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = "1 per year"
      after = "moved-in"
      within = "1 month"
      """,
      [
        "r.toml:12: [trigger].after: 'quota' is already the trigger; expected only one of quota, after or campaign"
      ]),
    BrokenFile(
      "within-and-until", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      after = "renovation-permit"
      within = "1 month"
      until = "renovation-accepted"
      """,
      [
        "r.toml:13: [trigger].until: contradicts within; expected either within (a span after the event) or until (a closing event), not both"
      ]),
    BrokenFile(
      "until-equals-after", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      after = "renovation-permit"
      until = "renovation-permit"
      """,
      [
        "r.toml:12: [trigger].until: 'renovation-permit' also opens the window; expected a closing event different from after"
      ]),
    BrokenFile(
      "window-never-closes", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      after = "moved-in"
      """,
      [
        "r.toml:11: [trigger].after: the window never closes; expected within = \"<span>\" or until = \"<event>\""
      ]),
    BrokenFile(
      "event-misspelt", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      after = "moved_in"
      within = "1 month"
      """,
      [
        "r.toml:11: [trigger].after: 'moved_in': unknown event; did you mean 'moved-in'? expected delivered, renovation-permit, renovation-accepted, deposit-refunded, moved-in, steward-changed or ticket-closed"
      ]),
    BrokenFile(
      "event-unknown-in-list", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      after = [
        "renovation-accepted",
        "deposit-returned",
      ]
      within = "1 month"
      """,
      [
        "r.toml:13: [trigger].after: 'deposit-returned': unknown event; did you mean 'deposit-refunded'? expected delivered, renovation-permit, renovation-accepted, deposit-refunded, moved-in, steward-changed or ticket-closed"
      ]),
    BrokenFile(
      "span-unknown-unit", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      after = "moved-in"
      within = "1 fortnight"
      """,
      [
        "r.toml:12: [trigger].within: '1 fortnight': unknown unit 'fortnight'; expected day, week, month, quarter or year"
      ]),
    BrokenFile(
      "span-misspelt-unit", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      after = "moved-in"
      within = "1 monht"
      """,
      [
        "r.toml:12: [trigger].within: '1 monht': unknown unit 'monht'; did you mean 'month'? expected day, week, month, quarter or year"
      ]),
    BrokenFile(
      "span-malformed", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      after = "moved-in"
      within = "soon"
      """,
      [
        "r.toml:12: [trigger].within: 'soon': expected a span like '1 month' or '14 days'"
      ]),
    BrokenFile(
      "span-empty", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      after = "moved-in"
      within = "0 days"
      """,
      [
        "r.toml:12: [trigger].within: '0 days' is an empty window; expected a span of at least 1 day"
      ]),
    BrokenFile(
      "count-zero", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      after = "moved-in"
      within = "1 month"
      count = 0
      """,
      [
        "r.toml:13: [trigger].count: 0 is too small; expected a whole number from 1 to 1000"
      ]),
    BrokenFile(
      "mixed-subjects", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      after = ["ticket-closed", "moved-in"]
      within = "3 days"
      """,
      [
        "r.toml:11: [trigger].after: 'ticket-closed' is a ticket event but 'moved-in' is a household event; expected events of one subject"
      ]),
    BrokenFile(
      "split-on-event", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]
      split = "monthly"

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      after = "moved-in"
      within = "1 month"
      """,
      [
        "r.toml:5: split: 'monthly' applies only to a quota trigger; expected none or no split key"
      ]),
    BrokenFile(
      "split-unknown", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]
      split = "weekly"

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = "1 per quarter"
      """,
      [
        "r.toml:5: split: 'weekly': unknown split; expected none or monthly"
      ]),
    BrokenFile(
      "grace-misspelt", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]
      grace = "7 dayz"

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = "1 per quarter"
      """,
      [
        "r.toml:5: grace: '7 dayz': unknown unit 'dayz'; did you mean 'day'? expected day, week, month, quarter or year"
      ]),
    BrokenFile(
      "precedence-wrong-type", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]
      precedence = "high"

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = "1 per quarter"
      """,
      [
        "r.toml:5: precedence: expected a whole number of at least 0, found a string"
      ]),
    BrokenFile(
      "precedence-negative", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]
      precedence = -1

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = "1 per quarter"
      """,
      [
        "r.toml:5: precedence: -1 is too small; expected a whole number of at least 0"
      ]),
    BrokenFile(
      "window-end-before-start", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = "1 per quarter"

      [visiting-window]
      hours = "19:30-17:30"
      """,
      [
        "r.toml:14: [visiting-window].hours: '19:30-17:30': the window must end after it starts"
      ]),
    BrokenFile(
      "window-bad-time", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = "1 per quarter"

      [visiting-window]
      hours = "25:00-26:00"
      """,
      [
        "r.toml:14: [visiting-window].hours: '25:00-26:00': '25:00': expected a time of day HH:MM from 00:00 to 24:00"
      ]),
    BrokenFile(
      "window-outside-unknown", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = "1 per quarter"

      [visiting-window]
      outside = "reject"
      """,
      [
        "r.toml:14: [visiting-window].outside: 'reject': unknown policy; expected flag or refuse"
      ]),
    BrokenFile(
      "window-key-misspelt", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = "1 per quarter"

      [visiting-window]
      hour = "17:30-19:30"
      """,
      [
        "r.toml:14: [visiting-window].hour: unknown key; did you mean 'hours'? expected hours or outside"
      ]),
    BrokenFile(
      "channels-state-missing", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"

      [select]
      state = ["vacant", "occupied"]

      [trigger]
      quota = "1 per quarter"

      [channels]
      vacant = ["phone"]
      """,
      [
        "r.toml:11: [channels].occupied: missing; the rule selects occupied households; expected an array of channels"
      ]),
    BrokenFile(
      "channels-state-not-selected", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = "1 per quarter"

      [channels]
      vacant = ["phone"]
      occupied = ["in-home"]
      """,
      [
        "r.toml:14: [channels].occupied: the rule does not select occupied households ([select].state); expected vacant"
      ]),
    BrokenFile(
      "interviewee-unknown", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]
      interviewees = ["landlord"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = "1 per quarter"
      """,
      [
        "r.toml:5: interviewees: 'landlord': unknown interviewee; expected owner, family, tenant or other"
      ]),
    BrokenFile(
      "campaign-false", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      campaign = false
      """,
      [
        "r.toml:11: [trigger].campaign: false; expected true (a campaign template) or another trigger"
      ]),
    BrokenFile(
      "coverage-too-high", "r.toml",
      """
      id = "r"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      campaign = true
      coverage = "120%"
      """,
      [
        "r.toml:12: [trigger].coverage: '120%': expected a share of the households from 1% to 100%"
      ]),
    BrokenFile(
      "duplicate-id", "copy.toml",
      """
      id = "vacant-quarterly"
      title = "测试"
      kind = "basic"
      channels = ["phone"]

      [select]
      state = ["vacant"]
      grade = ["A", "B"]

      [trigger]
      quota = "1 per quarter"
      """,
      [
        "copy.toml:1: id: 'vacant-quarterly' does not match the file name copy.toml; expected 'copy'",
        "copy.toml:1: id: 'vacant-quarterly' is also the id of vacant-quarterly.toml; expected unique ids",
      ]),
    BrokenFile(
      "zone-misspelt", "settings.toml",
      """
      time-zone = "Asia/Shangai"
      dimensions = [{ id = "overall", title = "总体" }]
      feedback-categories = [
        { id = "noise", title = "噪音" },
        { id = "other", title = "其他" },
      ]

      [visiting-window]
      hours = "17:30-19:30"
      outside = "flag"
      """,
      [
        "settings.toml:1: time-zone: 'Asia/Shangai': unknown time zone; did you mean 'Asia/Shanghai'? expected an IANA zone such as 'Asia/Shanghai'"
      ]),
    BrokenFile(
      "settings-window-missing", "settings.toml",
      """
      time-zone = "Asia/Shanghai"
      dimensions = [{ id = "overall", title = "总体" }]
      feedback-categories = [
        { id = "noise", title = "噪音" },
        { id = "other", title = "其他" },
      ]
      """,
      [
        "settings.toml: visiting-window: missing required key; expected a [visiting-window] table"
      ]),
    BrokenFile(
      "label-twice", "settings.toml",
      """
      time-zone = "Asia/Shanghai"
      dimensions = [{ id = "overall", title = "总体" }]
      feedback-categories = [
        { id = "other", title = "噪音" },
        { id = "other", title = "其他" },
      ]

      [visiting-window]
      hours = "17:30-19:30"
      outside = "flag"
      """,
      [
        "settings.toml:3: feedback-categories[2].id: 'other' is listed twice; expected unique ids"
      ]),
    BrokenFile(
      "label-without-title", "settings.toml",
      """
      time-zone = "Asia/Shanghai"
      dimensions = [{ id = "overall" }]
      feedback-categories = [
        { id = "noise", title = "噪音" },
        { id = "other", title = "其他" },
      ]

      [visiting-window]
      hours = "17:30-19:30"
      outside = "flag"
      """,
      [
        "settings.toml:2: dimensions[1].title: missing required key; expected a string"
      ]),
    BrokenFile(
      "calendar-never-elapses", "schedules.toml",
      """
      [[schedule]]
      id = "digest"
      title = "提醒"
      calendar = "*-02-30 09:00"
      days = "working"
      audience = "steward"
      report = "daily-digest"
      """,
      [
        "schedules.toml:4: [[schedule]][1].calendar: '*-02-30 09:00' never elapses after 2026-01-01; expected an expression that names a time that exists"
      ]),
    BrokenFile(
      "calendar-invalid", "schedules.toml",
      """
      [[schedule]]
      id = "digest"
      title = "提醒"
      calendar = "*-*-* 25:00"
      days = "working"
      audience = "steward"
      report = "daily-digest"
      """,
      [
        "schedules.toml:4: [[schedule]][1].calendar: invalid calendar expression '*-*-* 25:00': '25': hour out of range 0..23"
      ]),
    BrokenFile(
      "report-misspelt", "schedules.toml",
      """
      [[schedule]]
      id = "digest"
      title = "提醒"
      calendar = "*-*-* 16:30"
      days = "working"
      audience = "steward"
      report = "spot-chek"
      """,
      [
        "schedules.toml:7: [[schedule]][1].report: 'spot-chek': unknown report; did you mean 'spot-check'? expected daily-digest, overdue-escalation, spot-check, monthly-summary, capture-rate-ranking or verification-sample"
      ]),
    BrokenFile(
      "threshold-of-other-report", "schedules.toml",
      """
      [[schedule]]
      id = "digest"
      title = "提醒"
      calendar = "*-*-* 16:30"
      days = "working"
      audience = "steward"
      report = "daily-digest"
      behind-below = 0.8
      """,
      [
        "schedules.toml:8: [[schedule]][1].behind-below: unknown key; expected id, title, calendar, days, report or audience"
      ]),
    BrokenFile(
      "behind-below-not-a-share", "schedules.toml",
      """
      [[schedule]]
      id = "digest"
      title = "提醒"
      calendar = "*-*-* 16:30"
      days = "working"
      audience = "steward"
      report = "spot-check"
      behind-below = 1.5
      """,
      [
        "schedules.toml:8: [[schedule]][1].behind-below: 1.5 is not a share; expected a number above 0 and at most 1"
      ]),
    BrokenFile(
      "ranking-minimum-missing", "schedules.toml",
      """
      [[schedule]]
      id = "digest"
      title = "提醒"
      calendar = "*-*-* 16:30"
      days = "working"
      audience = "steward"
      report = "capture-rate-ranking"
      rewards = [500, 300, 200]
      last-penalty = 300
      """,
      [
        "schedules.toml:1: [[schedule]][1].minimum-interviews: missing required key; expected a whole number of at least 1"
      ]),
    BrokenFile(
      "rewards-negative", "schedules.toml",
      """
      [[schedule]]
      id = "digest"
      title = "提醒"
      calendar = "*-*-* 16:30"
      days = "working"
      audience = "steward"
      report = "capture-rate-ranking"
      rewards = [500, -300]
      last-penalty = 300
      minimum-interviews = 10
      """,
      [
        "schedules.toml:8: [[schedule]][1].rewards: expected an array of amounts in yuan, first place first, each a whole number of at least 0"
      ]),
    BrokenFile(
      "escalation-out-of-order", "schedules.toml",
      """
      [[schedule]]
      id = "digest"
      title = "提醒"
      calendar = "*-*-* 16:30"
      days = "working"
      report = "overdue-escalation"
      escalate = ["steward at due", "operations 7 days after due", "project-lead 3 days after due"]
      """,
      [
        "schedules.toml:7: [[schedule]][1].escalate: 'project-lead 3 days after due' does not come after 'operations 7 days after due'; expected steps later and later after due"
      ]),
    BrokenFile(
      "escalation-unknown-audience", "schedules.toml",
      """
      [[schedule]]
      id = "digest"
      title = "提醒"
      calendar = "*-*-* 16:30"
      days = "working"
      report = "overdue-escalation"
      escalate = ["steward at due", "manager 3 days after due"]
      """,
      [
        "schedules.toml:7: [[schedule]][1].escalate: 'manager': unknown audience; expected steward, project-lead, operations or admin"
      ]),
    BrokenFile(
      "escalation-malformed", "schedules.toml",
      """
      [[schedule]]
      id = "digest"
      title = "提醒"
      calendar = "*-*-* 16:30"
      days = "working"
      report = "overdue-escalation"
      escalate = ["steward at due", "project-lead later"]
      """,
      [
        "schedules.toml:7: [[schedule]][1].escalate: 'project-lead later': expected '<audience> at due' or '<audience> <span> after due'"
      ]),
    BrokenFile(
      "escalation-with-audience", "schedules.toml",
      """
      [[schedule]]
      id = "digest"
      title = "提醒"
      calendar = "*-*-* 16:30"
      days = "working"
      audience = "steward"
      report = "overdue-escalation"
      escalate = ["steward at due"]
      """,
      [
        "schedules.toml:6: [[schedule]][1].audience: unknown key; expected id, title, calendar, days, report, escalate or repeat-every"
      ]),
    BrokenFile(
      "audience-misspelt", "schedules.toml",
      """
      [[schedule]]
      id = "digest"
      title = "提醒"
      calendar = "*-*-* 16:30"
      days = "working"
      audience = "stewart"
      report = "daily-digest"
      """,
      [
        "schedules.toml:6: [[schedule]][1].audience: 'stewart': unknown audience; did you mean 'steward'? expected steward, project-lead, operations or admin"
      ]),
    BrokenFile(
      "days-unknown", "schedules.toml",
      """
      [[schedule]]
      id = "digest"
      title = "提醒"
      calendar = "*-*-* 16:30"
      days = "weekdays"
      audience = "steward"
      report = "daily-digest"
      """,
      [
        "schedules.toml:5: [[schedule]][1].days: 'weekdays': unknown day filter; expected all or working"
      ]),
    BrokenFile(
      "schedule-id-twice", "schedules.toml",
      """
      [[schedule]]
      id = "digest"
      title = "提醒"
      calendar = "*-*-* 16:30"
      days = "working"
      audience = "steward"
      report = "daily-digest"

      [[schedule]]
      id = "digest"
      title = "提醒"
      calendar = "*-*-* 16:30"
      days = "working"
      audience = "steward"
      report = "daily-digest"
      """,
      [
        "schedules.toml:10: [[schedule]][2].id: 'digest' is already the id of [[schedule]][1]; expected unique ids"
      ]),
    BrokenFile(
      "make-up-day-on-weekday", "holidays-2026.toml",
      """
      year = 2026

      [[holiday]]
      name = "春节"
      off = "2026-02-15..2026-02-23"
      working = ["2026-02-14", "2026-03-02"]
      """,
      [
        "holidays-2026.toml:6: [[holiday]][1].working: '2026-03-02' is a weekday; expected a Saturday or Sunday made a working day"
      ]),
    BrokenFile(
      "holiday-year-mismatch", "holidays-2026.toml",
      """
      year = 2027

      [[holiday]]
      name = "春节"
      off = "2026-02-15..2026-02-23"
      working = ["2026-02-14", "2026-02-28"]
      """,
      [
        "holidays-2026.toml:1: year: 2027 does not match the file name; expected 2026"
      ]),
    BrokenFile(
      "holiday-range-reversed", "holidays-2026.toml",
      """
      year = 2026

      [[holiday]]
      name = "春节"
      off = "2026-02-23..2026-02-15"
      working = ["2026-02-14", "2026-02-28"]
      """,
      [
        "holidays-2026.toml:5: [[holiday]][1].off: '2026-02-23..2026-02-15' ends before it starts; expected first..last"
      ]),
    BrokenFile(
      "holiday-other-year", "holidays-2026.toml",
      """
      year = 2026

      [[holiday]]
      name = "春节"
      off = "2026-02-15..2026-02-23"
      working = ["2026-02-14", "2027-02-28"]
      """,
      [
        "holidays-2026.toml:6: [[holiday]][1].working: '2027-02-28' is not in 2026; expected dates of the file's year"
      ]),
    BrokenFile(
      "holiday-bad-date", "holidays-2026.toml",
      """
      year = 2026

      [[holiday]]
      name = "春节"
      off = "2026-02-15..2026-02-30"
      working = ["2026-02-14", "2026-02-28"]
      """,
      [
        "holidays-2026.toml:5: [[holiday]][1].off: '2026-02-15..2026-02-30': expected a date YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD"
      ]),
    BrokenFile(
      "holiday-both-off-and-working", "holidays-2026.toml",
      """
      year = 2026

      [[holiday]]
      name = "春节"
      off = "2026-02-15..2026-02-23"
      working = ["2026-02-14", "2026-02-15"]
      """,
      [
        "holidays-2026.toml:6: [[holiday]][1].working: '2026-02-15' is also an off day; expected it in off or in working, not both"
      ]),

  ]
}
