import ArgumentParser

// The `sitegen` command: a thin front over the SiteGen library.
SiteGenCommand.main()
