// Placeholder until the SIPDialog target gets its first type.
