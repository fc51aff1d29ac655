// Placeholder: the daemon entry point.
