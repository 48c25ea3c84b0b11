package docx

import (
	"testing"
	"time"
)

// TestZipTime: a zip holds times from 1980 to early 2106 (32-bit seconds
// in its extended timestamp); dates outside are clamped, not wrapped into
// invalid ones.
func TestZipTime(t *testing.T) {
	for _, c := range []struct{ in, want time.Time }{
		{time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)},
		{time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)},
		{time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC), time.Date(2106, 1, 1, 0, 0, 0, 0, time.UTC)},
	} {
		if got := zipTime(c.in); !got.Equal(c.want) {
			t.Errorf("zipTime(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}
