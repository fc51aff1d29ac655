import ACD
import CallStore
import Foundation
import Logging
import YAMLConfiguration

extension SwitchboardCoordinator {
    /// Opens the store, closes the call records a crash left open (but those of pending callbacks),
    /// and reads the agent statuses and the pending callbacks to restore.
    static func openStore(_ settings: StorageSettings, logger: Logger) throws -> (SQLiteStore, [AgentStatusRecord], [KeptCallback]) {
        do {
            let store = try SQLiteStore(path: settings.path)
            let interrupted = try store.closeInterruptedCalls(at: Date())
            if interrupted > 0 {
                logger.warning("call records left open by the previous run closed as interrupted",
                               metadata: ["store.calls": "\(interrupted)", "store.path": "\(settings.path)"])
            }
            return (store, try store.agentStatuses(), try keptCallbacks(in: store))
        } catch {
            throw ConfigurationError(key: "storage.path", line: nil, message: "cannot use the call store \(settings.path): \(error)")
        }
    }

    /// Feeds the stored statuses to the engine (every agent starts Available): breaks and log-outs
    /// are restored, a RONA break still ends when it was due, and one that ended while the daemon
    /// was down is stored as ended.
    static func restore(_ statuses: [AgentStatusRecord], into distributor: ACDCallDistributor, recorder: CallRecorder, now: Date) {
        for stored in statuses where stored.status != .available {
            let status: AgentStatus = stored.status == .loggedOut ? .loggedOut : .onBreak(BreakReason(stored.reason ?? ""))
            if let until = stored.until, until <= now {
                recorder.recordStatus(of: stored.agent, .available, breakUntil: nil, at: now)
                continue
            }
            let breakUntil = stored.until.map { ACDInstant(nanosecondsSinceEpoch: $0.unixMilliseconds * 1_000_000) }
            distributor.restore(agentID: stored.agent, status: status, breakUntil: breakUntil)
        }
    }
}
