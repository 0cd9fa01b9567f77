import ArgumentParser

// The `sitegen` command: a thin front over the SiteGen library.
await SiteGenCommand.main()
