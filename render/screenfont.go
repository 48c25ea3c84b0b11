package render

import "github.com/jixiao-dev/jixiao/fonts"

// ScreenFont is a TrueType font with the Chinese characters of the
// embedded fonts, for a front end to draw its own screens (the local
// editor's pages) on a machine that has no Chinese font of its own.
func ScreenFont() []byte { return fonts.EmbeddedFile(fonts.SansMedium) }
