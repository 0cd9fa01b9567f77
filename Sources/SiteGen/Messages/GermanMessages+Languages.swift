extension GermanMessages {
    /// Languages: `lang`, `[…]{lang=…}`, `languages:` in site.yml, translations (Model/Languages*, Model/Translat*, Render/LangSpans).
    static let languages: [(english: String, german: String)] = [
        ("'{lang={}}' does not name a language; write a language code such as [Smart City]{lang=en}",
         "„{lang={1}}“ nennt keine Sprache; schreiben Sie ein Sprachkürzel wie [Smart City]{lang=en}"),
        ("address /{} is where the '{}' version of the site begins (languages: in site.yml); rename this file",
         "Unter der Adresse /{1} beginnt die Fassung „{2}“ der Website (languages: in site.yml); benennen Sie diese Datei um"),
        ("lang '{}' is not a language of site.yml ({}); add it under languages: in site.yml, or correct the code",
         "Die Sprache „{1}“ (lang) ist in site.yml nicht angegeben ({2}); ergänzen Sie sie unter languages: in site.yml oder korrigieren Sie das Kürzel"),
        ("languages.ls: 'ls' marks Leichte Sprache (foo.ls.md), which is German; remove it here",
         "languages.ls: „ls“ kennzeichnet Leichte Sprache (foo.ls.md), und die ist Deutsch; löschen Sie den Eintrag hier"),
        ("languages.{} is the site's own language (language: {}); list only the other ones",
         "languages.{1} ist die eigene Sprache der Website (language: {2}); führen Sie hier nur die anderen Sprachen auf"),
        ("languages.{} must be a group of keys (title, description, paths …)",
         "languages.{1} muss eine Gruppe von Angaben sein (title, description, paths …)"),
        ("languages.{}.prefix must be a slug, e.g. '{}'",
         "languages.{1}.prefix muss ein Kurzname sein (Kleinbuchstaben, Ziffern und Bindestriche), z. B. „{2}“"),
        ("languages: '{}' is no language code; write e.g. en",
         "languages: „{1}“ ist kein Sprachkürzel; schreiben Sie z. B. en"),
        ("the file name marks it as the '{}' version of {}, but site.yml declares no language '{}', so it is published as a page of its own; add {} under languages: in site.yml, or rename the file",
         "Der Dateiname kennzeichnet sie als Fassung „{1}“ von {2}, aber site.yml nennt keine Sprache „{3}“, deshalb wird sie als eigene Seite veröffentlicht; ergänzen Sie {4} unter languages: in site.yml oder benennen Sie die Datei um"),
        ("this is the '{}' version of {}, but there is no {} beside it; add the original, or rename this file",
         "Dies ist die Fassung „{1}“ von {2}, aber daneben gibt es keine Datei {3}; legen Sie das Original an oder benennen Sie diese Datei um"),
        ("this is the '{}' version of {}, which {} and is not published; publish the original too, or make this one a draft",
         "Dies ist die Fassung „{1}“ von {2}; das Original {3} und wird nicht veröffentlicht; veröffentlichen Sie auch das Original oder machen Sie diese Datei zum Entwurf"),
    ]
}
