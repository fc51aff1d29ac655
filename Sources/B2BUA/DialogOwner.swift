/// Who answers for a dialog: the live call, or what is left of it during the linger.
enum DialogOwner {
    /// The call is in progress.
    case live(CallSession)
    /// The call ended; its dialogs linger.
    case ended(EndedCall)
}
