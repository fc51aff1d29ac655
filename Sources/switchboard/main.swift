import SwitchboardCLI

await SwitchboardCLI.main()
