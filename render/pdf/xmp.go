package pdf

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"time"

	"github.com/jixiao-dev/jixiao/render/doc"
)

// writeMetadata writes the document information again as an XMP metadata
// stream, which archive and document-management systems read rather than
// the Info dictionary, and returns its object number. It is left
// uncompressed, as XMP readers that scan files for packets expect (and
// PDF/A requires). With pdfa, it identifies the file as PDF/A-3b.
func writeMetadata(f *file, m doc.Meta, created time.Time, pdfa bool) int {
	var b bytes.Buffer
	esc := func(s string) string {
		var e bytes.Buffer
		_ = xml.EscapeText(&e, []byte(s))
		return e.String()
	}
	alt := func(tag, s string) {
		if s != "" {
			fmt.Fprintf(&b, "<%s><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></%s>\n", tag, esc(s), tag)
		}
	}
	date := created.Format(time.RFC3339)
	b.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n" +
		"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n" +
		"<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n" +
		"<dc:format>application/pdf</dc:format>\n")
	alt("dc:title", m.Title)
	if m.Author != "" {
		fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", esc(m.Author))
	}
	alt("dc:description", m.Subject)
	if m.Language != "" {
		fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", esc(m.Language))
	}
	if m.Keywords != "" {
		fmt.Fprintf(&b, "<pdf:Keywords>%s</pdf:Keywords>\n", esc(m.Keywords))
	}
	fmt.Fprintf(&b, "<pdf:Producer>jixiao</pdf:Producer>\n<xmp:CreatorTool>%s</xmp:CreatorTool>\n", esc("jixiao ("+m.Template+")"))
	fmt.Fprintf(&b, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n<xmp:MetadataDate>%s</xmp:MetadataDate>\n", date, date, date)
	if m.Fonts != "" && !pdfa {
		// The faces each office font name was drawn with (Info /JixiaoFonts);
		// not in a PDF/A file, where a property of our own would need an
		// extension schema (the Info entry, which needs none, stays).
		fmt.Fprintf(&b, "<jixiao:Fonts xmlns:jixiao=\"https://github.com/jixiao-dev/jixiao/ns/1.0/\">%s</jixiao:Fonts>\n", esc(m.Fonts))
	}
	if pdfa {
		b.WriteString("</rdf:Description>\n<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n" +
			"<pdfaid:part>3</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n")
	}
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>")

	n := f.alloc()
	f.begin(n)
	f.printf("<</Type /Metadata /Subtype /XML /Length %d>>\nstream\n", b.Len())
	f.writeBytes(b.Bytes())
	f.write("\nendstream\nendobj\n")
	return n
}
