/// Stage 2: give the loaded documents their types, leave out drafts and future posts,
/// and validate everything that can be checked before rendering.
public enum SiteBuilder {
    public static func build(_ content: LoadedContent, options: BuildOptions, fileSystem: any FileSystem,
                             contentRoot: String, displayRoot: String) -> (Site?, [Diagnostic]) {
        var diagnostics = content.diagnostics
        let configFile = displayRoot.isEmpty ? "site.yml" : displayRoot + "/site.yml"
        // No message of its own when loading already said why there is no site.yml (the file's
        // message, or the whole content folder's).
        let explained = diagnostics.contains { $0.file == configFile || ($0.file == displayRoot && $0.severity == .error) }
        let (configOrNil, configDiagnostics) = content.config == nil && explained
            ? (nil, [])
            : SiteConfig.decode(content.config, file: configFile, overrideBaseURL: options.baseURL)
        diagnostics += configDiagnostics

        let failed = unreadDocuments(content.diagnostics, displayRoot: displayRoot)
        let marks = (configOrNil?.languages.map(\.code) ?? []) + [LanguageVersion.easyReadMark]
        // Without a site.yml, or with a `languages:` it could not read, which languages it
        // declares is unknown: no warning about marks (site.yml's error says what to fix), and
        // the marked files are no pages of the site's own (`languages: en` made every
        // `fields/x.en.md` a second field with x's number).
        var languagesUnread = false
        if case .map(let map)? = content.config, let entry = map.entry("languages"), configOrNil?.languages.isEmpty == true {
            languagesUnread = configDiagnostics.contains { $0.severity == .error && $0.line == entry.keyLine }
        }
        let versions = VersionedDocuments(content.documents, codes: Set(marks), keepsUnknown: !languagesUnread).inheritingDates()
        if configOrNil != nil && !languagesUnread { diagnostics += versions.warnings(ownLanguage: configOrNil?.language) }
        var model = Modeller(options: options, fileSystem: fileSystem, contentRoot: contentRoot, displayRoot: displayRoot,
                             content: content, failed: failed)
        let own = model.decode(versions.own)
        // Every version's files are decoded, so their messages come even without a site.yml.
        let translated = (configOrNil?.languages ?? []).map { ($0, model.decode(versions.byCode[$0.code] ?? [])) }
        let easyRead = versions.byCode[LanguageVersion.easyReadMark].map { model.decode($0) }
        diagnostics += model.diagnostics
        guard let config = configOrNil else { return (nil, diagnostics) }
        var (site, siteDiagnostics) = model.site(own, config: config)
        diagnostics += siteDiagnostics
        for (language, items) in translated {
            let (version, versionDiagnostics) = model.site(items, config: config.version(language), original: site)
            site.versions.append(version)
            // The build reports every version's withheld files, and "now" passing their dates changes the site.
            site.withheld = (site.withheld + version.withheld).sorted { $0.file < $1.file }
            site.timeBoundaries += version.timeBoundaries
            diagnostics += versionDiagnostics
        }
        if let easyRead {
            let (version, versionDiagnostics) = model.site(easyRead, config: config.version(.easyRead(config)), original: site)
            site.withheld = (site.withheld + version.withheld).sorted { $0.file < $1.file }
            site.timeBoundaries += version.timeBoundaries
            site.easyReadVersion = [version]
            diagnostics += versionDiagnostics
        }
        Self.shareWithheldVersions(&site)
        EasyRead.link(&site)
        shareVersionPages(&site)
        site.alternates = Alternates.make(site)
        for i in site.versions.indices { site.versions[i].alternates = site.alternates }
        for i in site.easyReadVersion.indices { site.easyReadVersion[i].alternates = site.alternates }
        return (site, diagnostics)
    }

    /// Files that could not be read are remembered, so links to them get a fitting message.
    static func unreadDocuments(_ diagnostics: [Diagnostic], displayRoot: String) -> [String: String] {
        var failed: [String: String] = [:]
        let prefix = displayRoot.isEmpty ? "" : displayRoot + "/"
        for d in diagnostics where d.severity == .error && d.file.hasPrefix(prefix) {
            let path = String(d.file.dropFirst(prefix.count))
            if ContentLoader.kind(of: path) != nil { failed[path] = Publication.ownErrors }
        }
        return failed
    }

    /// A link from any version's page to another version's file (`foo.ls.md`, `home.ls.md`,
    /// `foo.en.md`) leads to that version's page: the file is there, so the editor means that
    /// version (`[English](foo.en.md)`), and was told before that it does not exist.
    static func shareVersionPages(_ site: inout Site) {
        // `pathOfEverySource`'s marked files, without copying the whole table of the site's own.
        var marked: [String: String] = [:]
        for version in [site] + site.versions + site.easyReadVersion {
            for (source, path) in version.pathBySource where Variant.of(source) != nil { marked[source] = path }
        }
        guard !marked.isEmpty else { return }
        site.pathBySource.merge(marked) { mine, _ in mine }
        for i in site.versions.indices { site.versions[i].pathBySource.merge(marked) { mine, _ in mine } }
        for i in site.easyReadVersion.indices { site.easyReadVersion[i].pathBySource.merge(marked) { mine, _ in mine } }
    }

    /// A link from any version's page to a withheld file of another (a draft `foo.en.md` or
    /// `home.ls.md`) says why it is not published, not that the file does not exist.
    static func shareWithheldVersions(_ site: inout Site) {
        var withheld: [String: String] = [:]
        for version in site.versions + site.easyReadVersion {
            withheld.merge(version.excludedSources.filter { Variant.of($0.key) != nil }) { mine, _ in mine }
        }
        guard !withheld.isEmpty else { return }
        site.excludedSources.merge(withheld) { mine, _ in mine }
        for i in site.versions.indices { site.versions[i].excludedSources.merge(withheld) { mine, _ in mine } }
        for i in site.easyReadVersion.indices { site.easyReadVersion[i].excludedSources.merge(withheld) { mine, _ in mine } }
    }
}
