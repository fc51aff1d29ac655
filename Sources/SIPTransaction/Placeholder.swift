// Placeholder until the SIPTransaction target gets its first type.
