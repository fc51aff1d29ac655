// Placeholder until the Presence target gets its first type.
