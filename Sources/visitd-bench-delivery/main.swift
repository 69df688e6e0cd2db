import Delivery
import Foundation
import Logging
import Messages
import NIOCore
import NIOHTTP1
import NIOPosix
import Policy
import Store
import StoreSQLite
import Synchronization

// Delivers N outbox rows (default 10,000) to a loopback webhook with rate budgets off;
// prints the time taken and the peak resident memory. Usage: visitd-bench-delivery [ROWS] [BATCH]

let rows = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 10_000 : 10_000
let batch = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) ?? 64 : 64
let received = Atomic<Int>(0)

final class Answer: ChannelInboundHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    guard case .end = unwrapInboundIn(data) else { return }
    received.add(1, ordering: .relaxed)
    var headers = HTTPHeaders()
    headers.add(name: "Content-Length", value: "2")
    context.write(
      wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil
    )
    context.write(
      wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: "{}")))), promise: nil)
    context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
  }
}

let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
  .childChannelInitializer { channel in
    channel.eventLoop.makeCompletedFuture {
      try channel.pipeline.syncOperations.configureHTTPServerPipeline()
      try channel.pipeline.syncOperations.addHandler(Answer())
    }
  }
  .bind(host: "127.0.0.1", port: 0).get()
let port = server.localAddress?.port ?? 0

let directory = NSTemporaryDirectory() + "visitd-bench-\(getpid())"
let store = try SQLiteStore(path: directory + "/visitd.sqlite")
let now = Date()
let owner = OwnerRef(household: "A-1-1-0101", surname: "张", phone: "13812345678")
let digest = StewardDigest(
  steward: "李娜", date: "2026-11-26", window: "17:30–19:30",
  buildings: [
    BuildingGroup(
      building: "1栋", visits: [VisitLine(owner: owner, rule: "年度入户", channel: "入户", due: "2026-11-30")])
  ], overdue: [])
let entries = try (0..<rows).map {
  try OutboxMessage(audience: .steward, project: "P1", content: .stewardDigest(digest))
    .entry(key: "bench:\($0)", notBefore: now)
}
try store.enqueue(entries)

var config = DeliveryConfig.console
config.receivers["crm"] = ReceiverConfig(
  name: "crm",
  kind: .webhook(
    url: "http://127.0.0.1:\(port)/hook", secret: Secret("bench-secret"), signatureHeader: "X-Sig"))
config.routes = [Route(project: "*", audiences: Audience.allCases, receiver: "crm")]
config.rateLimits = false
var logger = Logger(label: "bench")
logger.logLevel = .warning
let worker = try OutboxWorker(store: store, config: config, logger: logger, batchSize: batch)

let clock = ContinuousClock()
let started = clock.now
let pass = await worker.deliverDue(now: now)
let elapsed = clock.now - started
await worker.shutdown()

var usage = rusage()
getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
let counts = try store.outboxCounts()
print(
  "rows \(rows), batch \(batch): delivered \(pass.delivered), received \(received.load(ordering: .relaxed)), "
    + "state \(counts.map { "\($0.key.rawValue)=\($0.value)" }.sorted().joined(separator: " "))")
print("time \(elapsed), peak RSS \(usage.ru_maxrss / 1024) MiB")
try? FileManager.default.removeItem(atPath: directory)
try await server.close().get()
