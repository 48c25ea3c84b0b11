// Package budget is the input schema: a department's performance filing as
// read from TOML, with money kept exact (integer hundredths, never floats)
// and the source position of every key, so that later stages can point back
// at the user's file.
package budget

// Filing is one department's filing for one budget year.
type Filing struct {
	Template   string     `toml:"template"`
	Year       int        `toml:"year"`
	Date       string     `toml:"date"` // optional report date, YYYY-MM-DD, used for document metadata
	Department Department `toml:"department"`
	Overall    []Section  `toml:"overall"`
	Projects   []Project  `toml:"projects"`

	File      string    `toml:"-"` // the file it was read from
	Source    []byte    `toml:"-"` // the file's bytes as read, for embedding in the PDF
	Positions Positions `toml:"-"`
}

// Department is the filing unit.
type Department struct {
	Code      string    `toml:"code"`
	Name      string    `toml:"name"`
	ShortName string    `toml:"short_name"`
	MoneyUnit MoneyUnit `toml:"money_unit"` // "元" or "万元"
	// Fields used by forms other than the seed's.
	Supervisor     string `toml:"supervisor"`      // 主管部门 name; defaults to Name
	SupervisorCode string `toml:"supervisor_code"` // 主管部门代码
	Filler         string `toml:"filler"`          // 填报单位（盖章）
}

// Section is one part of 部门整体绩效目标: 总体绩效目标, 分项绩效目标 or
// 工作保障措施.
type Section struct {
	Title    string `toml:"title"`
	Subtitle string `toml:"subtitle"`
	Text     string `toml:"text"`
}

// Project is one budget project with its 绩效目标表.
type Project struct {
	Code         string      `toml:"code"`
	Name         string      `toml:"name"`
	Budget       Decimal     `toml:"budget"` // 预算数
	Fiscal       Decimal     `toml:"fiscal"` // 其中：财政资金
	Other        Decimal     `toml:"other"`  // 其他资金; omitted prints a blank cell
	Purpose      string      `toml:"purpose"`
	SpendingPlan []Decimal   `toml:"spending_plan"` // cumulative % at the template's checkpoints
	Goals        []string    `toml:"goals"`
	Indicators   []Indicator `toml:"indicators"`
	// Fields used by forms other than the seed's.
	Implementer string `toml:"implementer"` // 实施单位; defaults to the department
	Kind        string `toml:"kind"`        // 项目属性: 新增项目 / 延续项目
	Period      string `toml:"period"`      // 项目期, e.g. "1年"
}

// Indicator is one row of the indicator table.
type Indicator struct {
	Level1      string `toml:"level1"`      // 一级指标
	Level2      string `toml:"level2"`      // 二级指标
	Name        string `toml:"name"`        // 三级指标
	Description string `toml:"description"` // 绩效指标描述
	Value       string `toml:"value"`       // 指标值, printed exactly as given
	Basis       string `toml:"basis"`       // 指标值确定依据
}

// Placeholder marks a value still to be filled in, as written by
// `jixiao new`; the validator reports every text that holds one.
const Placeholder = "（请填写）"
