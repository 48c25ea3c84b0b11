package check

// HebeiProfile is the profile of the Hebei form (templates/hebei.toml),
// written out for the tests of this package; the real profiles are built by
// the template engine from the template's data.
func HebeiProfile() *Profile {
	return &Profile{
		Template: "hebei",
		Categories: []Category{
			{Name: "产出指标", Subs: []string{"数量指标", "质量指标", "时效指标", "成本指标"}},
			{Name: "效果指标", Aliases: []string{"效益指标"}, Subs: []string{"经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"}},
			{Name: "满意度指标", Subs: []string{"服务对象满意度指标"}, Satisfaction: true},
		},
		Required:    []string{"产出指标", "效果指标"},
		Recommended: []string{"满意度指标"},
		Checkpoints: []string{"3月底", "6月底", "10月底", "12月底"},
		MoneyUnits:  []string{"元", "万元"},
		Sections:    []string{"总体绩效目标", "分项绩效目标", "工作保障措施"},
	}
}
