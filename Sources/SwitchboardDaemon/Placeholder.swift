// Placeholder until the SwitchboardDaemon target gets its first type.
