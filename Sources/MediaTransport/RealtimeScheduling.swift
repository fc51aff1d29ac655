#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Real-time scheduling for the thread that paces media. Under `SCHED_FIFO` (POSIX, `sched(7)`) a
/// runnable thread runs before every normally scheduled thread of its core, so the pacing tick's
/// wake-ups are not held back by the calls, the store or other processes. Linux grants it to an
/// unprivileged process up to its `RLIMIT_RTPRIO` (systemd's `LimitRTPRIO=`), and at any priority
/// with `CAP_SYS_NICE`; its real-time throttling (`/proc/sys/kernel/sched_rt_runtime_us`, 0.95 s
/// of every second by default) keeps such threads from taking a core whole.
public enum RealtimeScheduling {
    /// Puts the calling thread under `SCHED_FIFO` at `priority` (1–99 on Linux); throws the kernel's refusal.
    public static func makeCurrentThreadRealtime(priority: Int) throws(RealtimeSchedulingError) {
        var parameters = sched_param()
        parameters.sched_priority = Int32(clamping: priority)
        let result = pthread_setschedparam(pthread_self(), SCHED_FIFO, &parameters)
        guard result == 0 else { throw RealtimeSchedulingError(priority: priority, code: result) }
    }
}

/// The kernel refused real-time scheduling.
public struct RealtimeSchedulingError: Error, Equatable, CustomStringConvertible {
    /// The priority asked for.
    public let priority: Int
    /// The error number `pthread_setschedparam` returned (`EPERM` when the process may not, `EINVAL`
    /// for a priority out of range).
    public let code: Int32

    /// The refusal of `priority` with error number `code`.
    public init(priority: Int, code: Int32) {
        self.priority = priority
        self.code = code
    }

    /// What was refused and why, with the remedy when it is a matter of permission.
    public var description: String {
        let reason = String(cString: strerror(code))
        guard code == EPERM else { return "SCHED_FIFO priority \(priority) refused: \(reason)" }
        return "SCHED_FIFO priority \(priority) refused: \(reason); allow it with LimitRTPRIO=\(priority) in the systemd unit "
            + "(RLIMIT_RTPRIO, `ulimit -r`) or the CAP_SYS_NICE capability"
    }
}
