// Placeholder until the B2BUA target gets its first type.
