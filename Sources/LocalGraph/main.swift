// Placeholder: the local Microsoft Graph stand-in is built in the presence issue.
