import Foundation
import Testing
@testable import SiteGen

/// Ctrl-C (or SIGTERM) during a build: the output is the old site or the new one, never a mix,
/// the staging folder goes, and the store still shows that sitegen made the output.
@Suite(.serialized) struct InterruptionTests {
    final class Calls: @unchecked Sendable {
        private let lock = NSLockLite()
        private var seen: [Bool] = []
        func add(_ afterOutput: Bool) { lock.locked { seen.append(afterOutput) } }
        var all: [Bool] { lock.locked { seen } }
    }

    @Test func aStopWhileTheSiteIsMadeRemovesTheStagingFolderAtOnce() throws {
        let disk = MemoryFileSystem(["site/.public.staging-1/a.html": "x"])
        let interruption = Interruption()
        interruption.began(staging: "site/.public.staging-1", on: disk)
        let calls = Calls()
        interruption.stop { calls.add($0) }
        #expect(calls.all == [false])
        #expect(!disk.isDirectory("site/.public.staging-1"))
    }

    @Test func aStopWhileTheOutputIsPutInPlaceWaitsForIt() {
        let interruption = Interruption()
        let calls = Calls()
        let order = Calls()
        interruption.uninterrupted {
            interruption.stop { calls.add($0) }
            // Still putting the output in place: nothing stopped yet.
            order.add(calls.all.isEmpty)
        }
        #expect(order.all == [true])
        #expect(calls.all == [true])
        // Done: a later stop is immediate again.
        interruption.stop { calls.add($0) }
        #expect(calls.all == [true, false])
    }

    /// A build stopped after it marked the store, before it saved the new one (killed): the next
    /// build still knows the output as its own and builds everything again.
    @Test func aStoreMarkedAsChangingIsNoStoreButStillMarksTheOutput() throws {
        let root = TestSupport.temporaryFolder("marked-store")
        let output = root + "/public"
        var builder = Builder(location: SiteLocation(content: TestSupport.copyOfExampleContent(), templates: TestSupport.templates, output: output),
                              options: BuildOptions(now: TestSupport.now, baseURL: "https://smartcity.example.org/"))
        #expect(builder.build().succeeded)
        let store = BuildStore(output: output, fileSystem: LocalFileSystem())
        #expect(store.read() != nil)
        store.markChanging()
        #expect(store.read() == nil)
        #expect(builder.location.foreignOutputProblem(LocalFileSystem()) == nil)
        builder.force = false
        let again = builder.build()
        #expect(again.succeeded && !again.upToDate && again.rendered == again.pages)
        #expect(store.read() != nil)
    }
}
