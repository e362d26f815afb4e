package gen

// The role families the generator writes, with how often each appears,
// the titles it uses and the certifications and skills its postings
// mention, at known rates. Ids are taxonomy ids; an id the taxonomy does
// not have is left out (see Generator.Skipped).

// familySpec is one role family.
type familySpec struct {
	id     string  // taxonomy title family id
	weight float64 // share of postings
	titles []string
	// salary: annual base in USD for a mid-level role, low and high.
	salaryLo, salaryHi int
	// terms: "id rate required" triples; the rest of a term's mentions
	// are preferred (four in five) or merely mentioned.
	terms []spec
	// objects are what the role's responsibilities are about.
	objects []string
}

type spec struct {
	id       string
	rate     float64 // share of the family's postings that mention it
	required float64 // of those, the share that require it
}

var families = []familySpec{
	{
		id: "product-owner", weight: 0.14,
		titles:   []string{"Product Owner", "Technical Product Owner", "Digital Product Owner", "Agile Product Owner", "Business Product Owner"},
		salaryLo: 95000, salaryHi: 135000,
		terms: []spec{
			{"cspo", 0.38, 0.55}, {"pspo-1", 0.22, 0.5}, {"safe-popm", 0.10, 0.4}, {"csm", 0.08, 0.3}, {"pmp", 0.04, 0.3},
			{"a-cspo", 0.03, 0.3}, {"icp-apo", 0.02, 0.3},
			{"jira", 0.55, 0.6}, {"agile", 0.70, 0.7}, {"scrum", 0.60, 0.7}, {"user-stories", 0.45, 0.6}, {"sql", 0.15, 0.5},
			{"confluence", 0.30, 0.4}, {"stakeholder-management", 0.40, 0.7}, {"backlog-management", 0.35, 0.7},
			{"kanban", 0.12, 0.3}, {"figma", 0.08, 0.2}, {"excel", 0.10, 0.4}, {"api", 0.18, 0.5}, {"okrs", 0.08, 0.3},
		},
		objects: []string{"the team backlog", "sprint goals", "acceptance criteria", "release notes", "the delivery plan",
			"refinement sessions", "the quarterly plan", "feature specifications", "demo days", "customer requests"},
	},
	{
		id: "product-manager", weight: 0.16,
		titles:   []string{"Product Manager", "Technical Product Manager", "Growth Product Manager", "Platform Product Manager", "Data Product Manager"},
		salaryLo: 120000, salaryHi: 175000,
		terms: []spec{
			{"pragmatic-pmc", 0.04, 0.2}, {"cspo", 0.09, 0.3}, {"pspo-1", 0.04, 0.3}, {"safe-popm", 0.03, 0.3}, {"aipmm-cpm", 0.02, 0.2},
			{"sql", 0.35, 0.6}, {"ab-testing", 0.30, 0.5}, {"roadmapping", 0.50, 0.6}, {"user-research", 0.35, 0.5},
			{"product-discovery", 0.30, 0.6}, {"jira", 0.30, 0.4}, {"amplitude", 0.12, 0.3}, {"mixpanel", 0.08, 0.3},
			{"okrs", 0.15, 0.3}, {"python", 0.06, 0.3}, {"go-to-market", 0.25, 0.5}, {"pricing", 0.10, 0.3},
			{"product-analytics", 0.20, 0.5}, {"agile", 0.40, 0.5}, {"b2b-saas", 0.20, 0.5},
		},
		objects: []string{"the product roadmap", "quarterly goals", "launch plans", "experiments", "the onboarding flow",
			"the checkout journey", "customer problems", "pricing pages", "partner integrations", "the mobile app"},
	},
	{
		id: "product-lead", weight: 0.05,
		titles:   []string{"Head of Product", "Director of Product", "Group Product Manager", "VP of Product", "Product Lead"},
		salaryLo: 170000, salaryHi: 240000,
		terms: []spec{
			{"cspo", 0.04, 0.2}, {"pmp", 0.02, 0.2},
			{"product-strategy", 0.60, 0.7}, {"people-management", 0.50, 0.8}, {"roadmapping", 0.45, 0.6},
			{"okrs", 0.30, 0.5}, {"go-to-market", 0.30, 0.5}, {"b2b-saas", 0.25, 0.5}, {"sql", 0.10, 0.3}, {"pricing", 0.15, 0.4},
		},
		objects: []string{"the product organisation", "the annual plan", "the hiring plan", "portfolio reviews",
			"board updates", "the product vision", "team rituals", "investment decisions"},
	},
	{
		id: "project-manager", weight: 0.12,
		titles:   []string{"Project Manager", "IT Project Manager", "Technical Project Manager", "Project Coordinator", "Delivery Manager"},
		salaryLo: 85000, salaryHi: 125000,
		terms: []spec{
			{"pmp", 0.42, 0.55}, {"prince2-foundation", 0.18, 0.5}, {"capm", 0.06, 0.3}, {"csm", 0.10, 0.3}, {"pmi-acp", 0.06, 0.3},
			{"itil-4-foundation", 0.08, 0.3}, {"lean-six-sigma-green-belt", 0.05, 0.3},
			{"ms-project", 0.30, 0.5}, {"jira", 0.30, 0.4}, {"risk-management", 0.40, 0.6}, {"agile", 0.45, 0.5},
			{"waterfall", 0.20, 0.4}, {"excel", 0.25, 0.5}, {"smartsheet", 0.08, 0.3}, {"budgeting", 0.25, 0.5},
			{"vendor-management", 0.15, 0.4},
		},
		objects: []string{"project schedules", "status reports", "the project plan", "steering meetings", "resource plans",
			"the change log", "milestones", "handover documents", "site rollouts", "the issue register"},
	},
	{
		id: "program-manager", weight: 0.04,
		titles:   []string{"Program Manager", "Technical Program Manager", "Programme Manager", "Program Lead"},
		salaryLo: 130000, salaryHi: 185000,
		terms: []spec{
			{"pmp", 0.30, 0.5}, {"pgmp", 0.05, 0.3}, {"safe-agilist", 0.12, 0.3}, {"msp", 0.05, 0.3},
			{"program-management", 0.50, 0.7}, {"risk-management", 0.35, 0.6}, {"jira", 0.25, 0.4}, {"agile", 0.40, 0.5},
			{"system-design", 0.10, 0.4},
		},
		objects: []string{"cross-team plans", "program reviews", "dependency maps", "launch readiness", "the release train",
			"quarterly planning", "executive updates"},
	},
	{
		id: "data-analyst", weight: 0.12,
		titles:   []string{"Data Analyst", "Business Intelligence Analyst", "Product Analyst", "Marketing Analyst", "Reporting Analyst"},
		salaryLo: 70000, salaryHi: 110000,
		terms: []spec{
			{"google-analytics-certification", 0.06, 0.3}, {"aws-cloud-practitioner", 0.02, 0.2},
			{"sql", 0.80, 0.85}, {"excel", 0.55, 0.6}, {"tableau", 0.35, 0.5}, {"power-bi", 0.30, 0.5}, {"python", 0.40, 0.5},
			{"r", 0.15, 0.3}, {"looker", 0.10, 0.3}, {"statistics", 0.35, 0.6}, {"data-visualization", 0.40, 0.5},
			{"dbt", 0.08, 0.3}, {"bigquery", 0.10, 0.3}, {"ab-testing", 0.15, 0.4},
		},
		objects: []string{"weekly dashboards", "monthly reports", "data pipelines", "the metrics layer", "ad hoc questions",
			"revenue models", "funnel reports", "survey results", "data quality checks", "churn models"},
	},
	{
		id: "software-engineer", weight: 0.18,
		titles:   []string{"Software Engineer", "Backend Engineer", "Frontend Engineer", "Full Stack Engineer", "Platform Engineer", "Software Developer"},
		salaryLo: 115000, salaryHi: 170000,
		terms: []spec{
			{"aws-solutions-architect-associate", 0.06, 0.3}, {"cka", 0.03, 0.3}, {"ckad", 0.02, 0.3},
			{"python", 0.40, 0.6}, {"java", 0.25, 0.6}, {"go", 0.15, 0.6}, {"javascript", 0.30, 0.6}, {"typescript", 0.28, 0.6},
			{"react", 0.22, 0.6}, {"kubernetes", 0.25, 0.5}, {"docker", 0.30, 0.5}, {"aws", 0.40, 0.5}, {"postgresql", 0.22, 0.5},
			{"sql", 0.30, 0.5}, {"git", 0.35, 0.6}, {"ci-cd", 0.30, 0.5}, {"terraform", 0.12, 0.4}, {"microservices", 0.20, 0.5},
			{"rest", 0.25, 0.5}, {"agile", 0.20, 0.3},
		},
		objects: []string{"backend services", "the web client", "internal tools", "the build system", "service reliability",
			"code reviews", "design documents", "on-call rotations", "the billing service", "the search service"},
	},
	{
		id: "product-designer", weight: 0.07,
		titles:   []string{"Product Designer", "UX Designer", "UI Designer", "Interaction Designer", "UX Researcher"},
		salaryLo: 95000, salaryHi: 145000,
		terms: []spec{
			{"figma", 0.75, 0.7}, {"sketch", 0.10, 0.3}, {"prototyping", 0.55, 0.6}, {"user-research", 0.50, 0.5},
			{"usability-testing", 0.35, 0.5}, {"design-systems", 0.40, 0.5}, {"wireframing", 0.35, 0.5},
			{"accessibility", 0.25, 0.4}, {"adobe-creative-suite", 0.15, 0.3}, {"html-css", 0.10, 0.2},
		},
		objects: []string{"design reviews", "the component library", "user flows", "the visual language", "research plans",
			"interview notes", "the style guide", "the signup flow"},
	},
	{
		id: "product-marketing-manager", weight: 0.05,
		titles:   []string{"Product Marketing Manager", "Senior Product Marketing Manager", "Product Marketing Lead"},
		salaryLo: 105000, salaryHi: 150000,
		terms: []spec{
			{"google-analytics-certification", 0.05, 0.3},
			{"go-to-market", 0.65, 0.7}, {"positioning", 0.55, 0.6}, {"market-research", 0.35, 0.5},
			{"competitive-analysis", 0.35, 0.5}, {"hubspot", 0.15, 0.3}, {"salesforce", 0.15, 0.3}, {"content-marketing", 0.20, 0.4},
			{"seo", 0.10, 0.3},
		},
		objects: []string{"launch plans", "sales enablement material", "the messaging guide", "customer stories",
			"the website copy", "webinars", "analyst briefings"},
	},
	{
		id: "scrum-master", weight: 0.04,
		titles:   []string{"Scrum Master", "Agile Coach", "Agile Delivery Lead"},
		salaryLo: 90000, salaryHi: 130000,
		terms: []spec{
			{"csm", 0.45, 0.6}, {"psm-1", 0.35, 0.5}, {"safe-sm", 0.08, 0.3}, {"safe-agilist", 0.10, 0.3}, {"icp-acc", 0.05, 0.3},
			{"scrum", 0.80, 0.7}, {"kanban", 0.35, 0.5}, {"jira", 0.45, 0.5}, {"agile", 0.85, 0.8}, {"facilitation", 0.40, 0.5},
		},
		objects: []string{"sprint reviews", "team retrospectives", "working agreements", "the team board", "daily standups",
			"flow metrics", "team health checks"},
	},
	{
		id: "business-analyst", weight: 0.03,
		titles:   []string{"Business Analyst", "Business Systems Analyst", "Systems Analyst"},
		salaryLo: 75000, salaryHi: 110000,
		terms: []spec{
			{"cbap", 0.15, 0.4}, {"ccba", 0.06, 0.3}, {"iiba-ecba", 0.03, 0.3}, {"pmi-pba", 0.04, 0.3},
			{"requirements-analysis", 0.55, 0.7}, {"sql", 0.40, 0.6}, {"process-mapping", 0.30, 0.5}, {"uml", 0.15, 0.4},
			{"visio", 0.15, 0.3}, {"excel", 0.40, 0.6}, {"jira", 0.30, 0.4},
		},
		objects: []string{"business requirements", "process maps", "the functional specification", "test scenarios",
			"the data dictionary", "workshop notes", "the requirements backlog"},
	},
}

// Title words the generator puts before and after a family's titles. A
// combination whose family the taxonomy reads differently is not used.
var (
	seniorityPrefixes = []struct {
		word   string
		weight float64
	}{{"", 0.5}, {"Senior ", 0.25}, {"Junior ", 0.08}, {"Staff ", 0.04}, {"Principal ", 0.03}, {"Sr. ", 0.05}, {"Lead ", 0.05}}
	titleSuffixes = []string{"", "", "", "", " II", " (Remote)", " - Payments", " - Platform", ", Growth", " (m/f/d)", " - Contract"}
)
