package templates

import (
	"strings"

	"github.com/jixiao-dev/jixiao/fonts"
)

func embeddedList() string { return strings.Join(fonts.EmbeddedNames(), ", ") }
