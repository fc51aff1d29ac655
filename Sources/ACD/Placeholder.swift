// Placeholder until the ACD target gets its first type.
