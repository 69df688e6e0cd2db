import NIOCore

/// Runs the jobs of the tasks that prefer it on one event loop.
///
/// Decision: the store's synchronous callers block on its private event loop's answers; an async postgres-nio
/// call (COPY) runs as a task on that same loop, which no caller ever blocks, so it cannot starve whichever
/// executor the blocked caller belongs to.
final class EventLoopTaskExecutor: TaskExecutor {
  private let loop: any EventLoop

  init(_ loop: any EventLoop) { self.loop = loop }

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
  }
}
