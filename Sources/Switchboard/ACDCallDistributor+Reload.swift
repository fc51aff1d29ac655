import ACD

extension ACDCallDistributor {
    /// Rebuilds the engine for a reloaded configuration, keeping callers, offers, calls, statuses,
    /// wrap-up and statistics (``ACDEngine/reconfigured(to:now:)``); agents the reload adds start
    /// Available, as at start-up, and presence then decides. Refused as a whole: the engine in use
    /// stays when the configuration is invalid or removes a queue or agent still in use.
    func reconfigure(_ configuration: ACDConfiguration) throws(ReconfigurationError) {
        let now = epoch + wheel.now
        let (reconfigured, carried) = try engine.reconfigured(to: configuration, now: now)
        let added = configuration.agents.map(\.id).filter { engine.agent($0) == nil }
        engine = reconfigured
        self.configuration = configuration
        recorder?.reconfigure(configuration)
        metrics?.track(configuration.queues.map(\.id))
        var decisions = carried
        for agent in added { decisions += engine.handle(.agentStatusChanged(agent, .available), now: now) }
        deliver(decisions, at: now)
    }
}
