package fonts

import (
	"testing"
	"time"
)

func TestTmpCold(t *testing.T) {
	for _, name := range EmbeddedNames() {
		t0 := time.Now()
		f, err := Embedded(name)
		d := time.Since(t0)
		if err != nil {
			t.Fatal(err)
		}
		t1 := time.Now()
		f.Has('中')
		t.Logf("%s: %v (Has %v)", name, d, time.Since(t1))
	}
}
