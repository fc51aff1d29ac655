import ACD
import B2BUA
import ControlAPI
import ControlModel
import Foundation

/// The control API's view of the queue engine, and the supervisor's actions on it: reads the ACD
/// engine, changes it through its supervisor events (whose decisions reach the calls' shards like
/// any other). Confined to the engine's loop; the calls are read on their shards' loops
/// (``SwitchboardControl``) and shown here. Throws ``ControlError`` for unknown ids (404) and
/// actions the state does not allow (409).
final class ControlDesk: @unchecked Sendable {
    let distributor: ACDCallDistributor

    init(distributor: ACDCallDistributor) {
        self.distributor = distributor
    }

    /// The engine, read-only.
    var engine: ACDEngine { distributor.engine }

    /// The engine's clock now.
    var now: ACDInstant { distributor.engineNow }


    /// ISO 8601 UTC, as every timestamp of the API.
    static func iso(_ date: Date) -> String { date.formatted(.iso8601) }

    /// A duration in seconds, to the millisecond.
    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return (Double(seconds) + Double(attoseconds / 1_000_000_000_000_000) / 1_000).rounded(toPlaces: 3)
    }
}

extension Double {
    /// The value rounded to `places` decimals.
    func rounded(toPlaces places: Int) -> Double {
        let scale = Foundation.pow(10, Double(places))
        return (self * scale).rounded() / scale
    }
}
