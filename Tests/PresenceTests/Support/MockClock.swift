import SwitchboardTestKit

/// The kit's mock clock, under the name the Graph presence tests use.
typealias MockClock = SwitchboardTestKit.MockClock
