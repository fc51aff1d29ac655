import Foundation

// The operator CLI needs the daemon's control API, which does not exist yet: until it does, every
// invocation is refused with a message instead of pretending to work.
let message = """
switchboard: the operator CLI is not available yet: switchboardd has no control API for it to talk to.
Today switchboardd reports its counters at GET /v1/status and GET /metrics on its control address.

"""
FileHandle.standardError.write(Data(message.utf8))
exit(2)
