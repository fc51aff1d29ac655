import Foundation
import Glibc
import MediaTransport
import Testing

/// Real-time scheduling of the calling thread: granted, it reads back as `SCHED_FIFO` at the asked
/// priority; refused, the error names the priority and the kernel's reason. Each case runs on a
/// thread of its own, which ends with it, so no test thread keeps real-time priority.
@Suite("Realtime scheduling")
struct RealtimeSchedulingTests {
    /// The policy and priority of a new thread after `body` ran on it, and what `body` threw.
    private static func onNewThread(_ body: @escaping @Sendable () throws -> Void) async -> (policy: Int32, priority: Int32, error: (any Error)?) {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                var caught: (any Error)?
                do { try body() } catch { caught = error }
                var policy: Int32 = 0
                var parameters = sched_param()
                pthread_getschedparam(pthread_self(), &policy, &parameters)
                continuation.resume(returning: (policy, parameters.sched_priority, caught))
            }
            thread.start()
        }
    }

    @Test("a permitted priority puts the thread under SCHED_FIFO at that priority", .enabled(if: geteuid() == 0, "needs CAP_SYS_NICE"))
    func granted() async {
        let result = await Self.onNewThread { try RealtimeScheduling.makeCurrentThreadRealtime(priority: 3) }
        #expect(result.error == nil)
        #expect(result.policy == SCHED_FIFO)
        #expect(result.priority == 3)
    }

    @Test("a refusal names the priority and the reason, and leaves the thread as it was")
    func refused() async {
        let result = await Self.onNewThread { try RealtimeScheduling.makeCurrentThreadRealtime(priority: 0) }
        let error = result.error as? RealtimeSchedulingError
        #expect(error == RealtimeSchedulingError(priority: 0, code: EINVAL))
        #expect(error?.description == "SCHED_FIFO priority 0 refused: Invalid argument")
        #expect(result.policy == SCHED_OTHER)
    }

    @Test("a refusal for want of permission says how to grant it")
    func remedy() {
        let description = RealtimeSchedulingError(priority: 20, code: EPERM).description
        #expect(description.hasPrefix("SCHED_FIFO priority 20 refused: Operation not permitted"))
        #expect(description.contains("LimitRTPRIO=20"))
        #expect(description.contains("CAP_SYS_NICE"))
    }
}
