// Placeholder: the operator CLI.
