extension GermanMessages {
    /// The link check of the built pages and of links to other sites (Check/).
    static let check: [(english: String, german: String)] = [
        (" (on 1 page)", " (auf 1 Seite)"),
        (" (on {} pages)", " (auf {1} Seiten)"),
        (" (written by the templates)", " (aus den Templates)"),
        ("'{}' does not exist in the built site{}", "„{1}“ gibt es in der gebauten Website nicht{2}"),
        ("'{}' would be loaded from another host{}; the privacy rules allow only files of this site (store it under content/ or Templates/assets/)",
         "„{1}“ würde von einem anderen Server geladen{2}; die Datenschutzregeln erlauben nur Dateien dieser Website (legen Sie die Datei unter content/ oder Templates/assets/ ab)"),
        ("; addresses in HTML are published as written: link in Markdown, [text]({})",
         "; Adressen in HTML werden unverändert übernommen: verlinken Sie in Markdown, [Text]({1})"),
        ("; addresses in HTML are published as written: link in Markdown, [text]({}), or write the page's address, {}",
         "; Adressen in HTML werden unverändert übernommen: verlinken Sie in Markdown, [Text]({1}), oder schreiben Sie die Adresse der Seite, {2}"),
        ("; addresses in HTML are published as written: show the picture in Markdown, ![description]({})",
         "; Adressen in HTML werden unverändert übernommen: zeigen Sie das Bild in Markdown, ![Beschreibung]({1})"),
        ("answered HTTP {}", "antwortete mit HTTP {1}"),
        ("could not be checked", "konnte nicht geprüft werden"),
        ("could not be checked ({})", "konnte nicht geprüft werden ({1})"),
        ("could not be reached ({})", "war nicht erreichbar ({1})"),
        ("external link '{}' {}", "Der externe Link „{1}“ {2}"),
        ("is not a valid address", "ist keine gültige Adresse"),
        ("link target '{}': there is no heading with the id '{}'{}",
         "Linkziel „{1}“: Es gibt keine Überschrift mit der Kennung „{2}“{3}"),
        ("link to '{}' leads nowhere in the built site{}", "Der Link auf „{1}“ führt in der gebauten Website ins Leere{2}"),
        ("link to '{}' points at this site, but the build has no such page{}",
         "Der Link auf „{1}“ zeigt auf diese Website, aber der Build hat keine solche Seite{2}"),
        ("link to '{}': the page has no anchor '#{}'{}", "Der Link auf „{1}“: die Seite hat keinen Anker „#{2}“{3}"),
    ]
}
