package check

import (
	"strings"
	"time"

	"github.com/jixiao-dev/jixiao/render/budget"
	"github.com/jixiao-dev/jixiao/render/diag"
)

// Identity and whole-filing rules (validation.md §4 and §6).

// filing checks the filing as a whole: F1, F3 and F9.
func (c *checker) filing() {
	if len(c.f.Projects) == 0 {
		c.report(diag.Error, "F1", "projects", diag.T("the filing has no projects"),
			diag.T("add a [[projects]] table for each budget project"))
	}
	if n := len(c.f.Projects); n > MaxProjects {
		c.report(diag.Error, "F12", index("projects", MaxProjects),
			diag.T("the filing has %d projects; one report holds at most %d", n, MaxProjects),
			diag.T("split the filing into several files, e.g. one per subordinate unit"))
	}
	if _, given := c.f.Positions["year"]; given && (c.f.Year < 1000 || c.f.Year > 9999) {
		c.report(diag.Error, "F3", "year", diag.T("the year %d is not a four-digit year", c.f.Year),
			diag.T("write the budget year, e.g. year = 2024"))
	} else if given && (c.f.Year < MinYear || c.f.Year > MaxYear) {
		c.report(diag.Error, "F3", "year", diag.T("the year %d is not a budget year from %d to %d", c.f.Year, MinYear, MaxYear),
			diag.T("check the digits of the budget year, e.g. year = 2024"))
	}
	if c.f.Date != "" {
		if _, err := time.Parse(time.DateOnly, c.f.Date); err != nil {
			c.report(diag.Error, "F9", "date", diag.T("the date %q is not a date written YYYY-MM-DD", c.f.Date),
				diag.T("write the report date as date = \"2024-03-01\", or leave it out"))
		}
	}
}

// MaxProjects is the most projects one filing may have (F12): several times
// what a large department files, and what keeps a run within its memory
// (each project's tables take some 20 KB however short its texts).
const MaxProjects = 5000

// The budget years a filing may have (F3).
const (
	MinYear = 2000
	MaxYear = 2100
)

// maxYearsAway is how far from the current year a filing's year may be
// before YearNearToday warns.
const maxYearsAway = 2

// YearNearToday warns (F11) when the filing's year is more than two years
// from today's: 2207 for 2027, say. It is for jixiao check only, which may
// read the clock; what a build writes never depends on it.
func YearNearToday(f *budget.Filing, today time.Time) diag.List {
	now := today.Year()
	if f == nil || f.Year < MinYear || f.Year > MaxYear || f.Year >= now-maxYearsAway && f.Year <= now+maxYearsAway {
		return nil
	}
	c := &checker{f: f, form: newForm(&Profile{})}
	c.report(diag.Warning, "F11", "year", diag.T("the year %d is more than %d years away from this year (%d)", f.Year, maxYearsAway, now),
		diag.T("check the budget year; an archived filing keeps its own year"))
	return c.out
}

// department checks the filing unit: C4, C6 and M7.
func (c *checker) department() {
	d := c.f.Department
	c.required("C6", "department.name", diag.Term("department name"), d.Name)
	switch {
	case blank(d.Code):
		c.absent(diag.Warning, "C4", "department.code", diag.Term("department code"))
	case !compiled().unitCode.MatchString(d.Code):
		c.report(diag.Warning, "C4", "department.code", diag.T("the department code %q is not 6 digits", d.Code),
			diag.T("check the code against the budget system, e.g. 224002"))
	}
	c.moneyUnit()
}

// projectIdentity checks project codes and names across the filing: C1–C3,
// C5, C6 and T7.
func (c *checker) projectIdentity() {
	codes := map[string]int{} // code → 1-based number of the project first using it
	names := map[string]int{}
	unitCode := c.f.Department.Code
	for i, pr := range c.f.Projects {
		path := index("projects", i)
		if !c.required("C1", path+".code", diag.Term("project code"), pr.Code) {
			if first, dup := codes[pr.Code]; dup {
				c.report(diag.Error, "C1", path+".code",
					diag.T("project code %q is used twice (projects %d and %d)", pr.Code, first, i+1),
					diag.T("each project has its own code; check it against the budget system"))
			} else {
				codes[pr.Code] = i + 1
			}
			if !compiled().projectCode.MatchString(pr.Code) {
				c.report(diag.Warning, "C3", path+".code", diag.T("project code %q differs from the usual format", pr.Code),
					diag.T("the usual format is 3 digits-4 digits-3 capital letters-4 capitals or digits, e.g. 224-0501-JBN-BOVO; check it against the budget system"))
			}
			if compiled().unitCode.MatchString(unitCode) && len(pr.Code) >= 3 && pr.Code[:3] != unitCode[:3] {
				c.report(diag.Warning, "C5", path+".code",
					diag.T("project code %q does not start with %q, the first digits of the department code", pr.Code, unitCode[:3]),
					diag.T("check the project code and the department code"))
			}
		}
		if c.required("C6", path+".name", diag.Term("project name"), pr.Name) {
			continue
		}
		if first, dup := names[pr.Name]; dup {
			c.report(diag.Warning, "C2", path+".name",
				diag.T("project name %q is used twice (projects %d and %d)", pr.Name, first, i+1),
				diag.T("check whether the projects are the same; give each its own name"))
		} else {
			names[pr.Name] = i + 1
		}
		if strings.HasSuffix(strings.TrimSpace(pr.Name), "绩效目标表") {
			c.report(diag.Warning, "T7", path+".name",
				diag.T("project name %q ends with 绩效目标表, which the caption adds itself", pr.Name),
				diag.T("remove 绩效目标表 from the name"))
		}
	}
}
