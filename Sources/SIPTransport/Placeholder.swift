// Placeholder until the SIPTransport target gets its first type.
