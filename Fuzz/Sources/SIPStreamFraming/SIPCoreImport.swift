// The stream framer uses SIPCore's ASCII helpers, which SIPTransport imports in its other files.
@_exported import SIPCore
