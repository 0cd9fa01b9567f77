/// The two-letter language codes of ISO 639-1, which a `lang` attribute's first part must be
/// when it has two letters: `{lang=dk}` or `{lang=jp}` passed the shape check, and browsers and
/// screen readers got a language that does not exist (the HTML checker and axe report it,
/// WCAG 3.1.2). Three-letter codes (ISO 639-2/3) are too many to list and are taken as written.
enum LanguageCodes {
    /// Joined by commas, without spaces: one word to the check that every message has a German text.
    static let iso639_1: Set<String> = Set((
        "aa,ab,ae,af,ak,am,an,ar,as,av,ay,az,ba,be,bg,bh,bi,bm,bn,bo,br,bs,ca,ce," +
        "ch,co,cr,cs,cu,cv,cy,da,de,dv,dz,ee,el,en,eo,es,et,eu,fa,ff,fi,fj,fo,fr," +
        "fy,ga,gd,gl,gn,gu,gv,ha,he,hi,ho,hr,ht,hu,hy,hz,ia,id,ie,ig,ii,ik,io,is," +
        "it,iu,ja,jv,ka,kg,ki,kj,kk,kl,km,kn,ko,kr,ks,ku,kv,kw,ky,la,lb,lg,li,ln," +
        "lo,lt,lu,lv,mg,mh,mi,mk,ml,mn,mr,ms,mt,my,na,nb,nd,ne,ng,nl,nn,no,nr,nv," +
        "ny,oc,oj,om,or,os,pa,pi,pl,ps,pt,qu,rm,rn,ro,ru,rw,sa,sc,sd,se,sg,si,sk," +
        "sl,sm,sn,so,sq,sr,ss,st,su,sv,sw,ta,te,tg,th,ti,tk,tl,tn,to,tr,ts,tt,tw," +
        "ty,ug,uk,ur,uz,ve,vi,vo,wa,wo,xh,yi,yo,za,zh,zu,"
    ).split(separator: ",").map(String.init))

    /// Country codes written for a language, and the language meant ("dk" is Denmark, Danish is "da").
    static let countryForLanguage: [String: String] = [
        "dk": "da", "jp": "ja", "cz": "cs", "gr": "el", "ua": "uk", "cn": "zh", "gb": "en", "us": "en",
        "at": "de", "dd": "de", "rs": "sr", "al": "sq", "ir": "fa", "il": "he",
    ]

    /// Languages named instead of coded (`lang: Deutsch`, `lang: English`), as slugs, and their codes.
    static let named: [String: String] = [
        "deutsch": "de", "german": "de", "englisch": "en", "english": "en", "tuerkisch": "tr", "turkish": "tr",
        "arabisch": "ar", "arabic": "ar", "franzoesisch": "fr", "french": "fr", "spanisch": "es", "spanish": "es",
        "italienisch": "it", "italian": "it", "polnisch": "pl", "polish": "pl", "russisch": "ru", "russian": "ru",
        "ukrainisch": "uk", "ukrainian": "uk", "niederlaendisch": "nl", "dutch": "nl", "griechisch": "el", "greek": "el",
    ]

    /// What editors write for Leichte Sprache, which is a version of its own (`foo.ls.md`), no `lang`.
    static let easyReadNames: Set<String> = ["ls", "leichte-sprache", "einfache-sprache", "de-ls"]

    /// Whether `code` is a language code in shape and, with two letters first, one of ISO 639-1.
    static func isKnown(_ code: String) -> Bool {
        guard FrontMatterReader.isLanguageCode(code) else { return false }
        let first = code.prefix { $0 != "-" }.lowercased()
        return first.count != 2 || iso639_1.contains(first)
    }

    /// The language code an editor probably meant by a country's code, or nil.
    static func suggestion(for code: String) -> String? {
        let first = code.prefix { $0 != "-" }.lowercased()
        return iso639_1.contains(first) ? nil : countryForLanguage[first]
    }
}
