package pdfa

import (
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"strings"
	"time"
)

// Schema is a caller's own XMP properties, written with the extension
// schema description PDF/A asks for properties it does not predefine.
type Schema struct {
	Name      string // what the schema is, for people
	Namespace string // its namespace URI, ending in / or #
	Prefix    string // its XML prefix
	// Properties, each a text value; a property with an empty value is
	// described but not written.
	Properties []Property
}

// Property is one text property of a Schema.
type Property struct {
	Name        string // an XML name: letters and digits
	Description string
	Value       string
}

// xmpPacket is the document's XMP metadata: the PDF/A identification, the
// Dublin Core title, dates, producer and document ID the Info dictionary
// repeats, and the caller's schema.
func xmpPacket(info Info, id [16]byte) []byte {
	esc := func(s string) string {
		var b strings.Builder
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">` + "\n")
	b.WriteString(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n")
	b.WriteString(`<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">` +
		"<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>\n")
	b.WriteString(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
		"<dc:format>application/pdf</dc:format>")
	if info.Title != "" {
		fmt.Fprintf(&b, `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>`, esc(info.Title))
	}
	if info.Lang != "" {
		fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>", esc(info.Lang))
	}
	b.WriteString("</rdf:Description>\n")
	date := xmpDate(info.Created)
	fmt.Fprintf(&b, `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">`+
		"<xmp:CreateDate>%s</xmp:CreateDate><xmp:ModifyDate>%s</xmp:ModifyDate><xmp:MetadataDate>%s</xmp:MetadataDate></rdf:Description>\n", date, date, date)
	fmt.Fprintf(&b, `<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"><pdf:Producer>%s</pdf:Producer></rdf:Description>`+"\n", esc(producer))
	fmt.Fprintf(&b, `<rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"><xmpMM:DocumentID>uuid:%s</xmpMM:DocumentID></rdf:Description>`+"\n", uuid(id))
	if s := info.Schema; s != nil {
		b.WriteString(`<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" ` +
			`xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">` +
			"<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">")
		fmt.Fprintf(&b, "<pdfaSchema:schema>%s</pdfaSchema:schema><pdfaSchema:namespaceURI>%s</pdfaSchema:namespaceURI><pdfaSchema:prefix>%s</pdfaSchema:prefix><pdfaSchema:property><rdf:Seq>",
			esc(s.Name), esc(s.Namespace), esc(s.Prefix))
		for _, p := range s.Properties {
			fmt.Fprintf(&b, `<rdf:li rdf:parseType="Resource"><pdfaProperty:name>%s</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType>`+
				"<pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>%s</pdfaProperty:description></rdf:li>", esc(p.Name), esc(p.Description))
		}
		b.WriteString("</rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>\n")
		fmt.Fprintf(&b, `<rdf:Description rdf:about="" xmlns:%s="%s">`, s.Prefix, esc(s.Namespace))
		for _, p := range s.Properties {
			if p.Value != "" {
				fmt.Fprintf(&b, "<%s:%s>%s</%s:%s>", s.Prefix, p.Name, esc(p.Value), s.Prefix, p.Name)
			}
		}
		b.WriteString("</rdf:Description>\n")
	}
	b.WriteString("</rdf:RDF>\n</x:xmpmeta>\n")
	b.WriteString(strings.Repeat(strings.Repeat(" ", 99)+"\n", 20)) // room to edit in place
	b.WriteString(`<?xpacket end="w"?>`)
	return []byte(b.String())
}

func xmpDate(t time.Time) string { return t.Format("2006-01-02T15:04:05-07:00") }

// pdfDate is t as a PDF date string, equal to its XMP form.
func pdfDate(t time.Time) string {
	_, off := t.Zone()
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("D:%s%c%02d'%02d'", t.Format("20060102150405"), sign, off/3600, off%3600/60)
}

func uuid(id [16]byte) string {
	h := hex.EncodeToString(id[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}
