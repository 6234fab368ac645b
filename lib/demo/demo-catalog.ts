import type { PolicyRulesOverrideDocument } from "@/lib/policies/engine";

/** The demo organisation: who works there, which agents spend, where and why. */
export const DEMO_ORG_NAME = "Acme Finance";
export const DEMO_PASSWORD = "aegis-demo";

export const DEMO_USERS = [
  { key: "admin", email: "admin@acme.test", name: "Anita Desai", role: "admin" },
  // A second admin, so spends above both the admin and the dual threshold can be approved.
  { key: "controller", email: "controller@acme.test", name: "Rohan Mehta", role: "admin" },
  { key: "approver", email: "approver@acme.test", name: "Vikram Rao", role: "approver" },
  { key: "approver2", email: "approver2@acme.test", name: "Meera Nair", role: "approver" },
  { key: "viewer", email: "viewer@acme.test", name: "Sanjay Kulkarni", role: "viewer" },
] as const;
export type DemoUserKey = (typeof DEMO_USERS)[number]["key"];

/** [merchant, category, min ₹, max ₹, reasons] */
export type Merchant = readonly [string, string, number, number, readonly string[]];

export type DemoAgentSpec = {
  key: "procurement" | "cloud" | "research" | "growth" | "travel";
  name: string;
  owner: string;
  description: string;
  balance: number; // paise
  overrides: PolicyRulesOverrideDocument;
  count: number; // regular historical intents
  confidence: [number, number];
  lowConfidenceShare: number;
  largeShare: number; // share pushed above the auto-approve limit
  fates: { approve: number; reject: number }; // the rest expire
  merchants: readonly Merchant[];
};

const lakh = (rupees: number) => rupees * 100_000 * 100; // ₹ lakh → paise

export const DEMO_AGENTS: readonly DemoAgentSpec[] = [
  {
    key: "procurement",
    name: "Procurement Assistant",
    owner: "Priya Sharma (Finance Ops)",
    description: "Renews SaaS subscriptions and pays software invoices for every team.",
    balance: lakh(25),
    overrides: { daily_budget: lakh(2), monthly_budget: lakh(30), max_intents_per_hour: 600 },
    count: 55,
    confidence: [0.86, 0.99],
    lowConfidenceShare: 0,
    largeShare: 0.08,
    fates: { approve: 0.9, reject: 0.1 },
    merchants: [
      ["Notion", "saas", 800, 9_500, ["Monthly SaaS subscription renewal", "Notion Plus seats for the design team", "Notion AI add-on for Finance Ops"]],
      ["Figma", "saas", 1_200, 8_000, ["Figma Professional seats renewal", "Two new FigJam editors for Product"]],
      ["Slack", "saas", 2_000, 9_000, ["Slack Pro monthly invoice", "Slack seats for new joiners"]],
      ["Zoom", "saas", 1_300, 6_000, ["Zoom Business licence renewal", "Zoom Webinars add-on for the town hall"]],
      ["Atlassian", "saas", 3_000, 9_800, ["Jira Software monthly invoice", "Confluence Standard renewal"]],
      ["GitHub", "saas", 2_000, 9_000, ["GitHub Team seats", "GitHub Actions minutes top-up"]],
      ["Google Workspace", "saas", 4_000, 9_900, ["Google Workspace Business Standard invoice", "Workspace seats for the Pune office"]],
    ],
  },
  {
    key: "cloud",
    name: "Cloud Cost Optimizer",
    owner: "Arjun Mehta (Platform Engineering)",
    description: "Pays cloud and infrastructure invoices after checking them against usage.",
    balance: lakh(20),
    overrides: { daily_budget: lakh(2), monthly_budget: lakh(25) },
    count: 45,
    confidence: [0.8, 0.98],
    lowConfidenceShare: 0.02,
    largeShare: 0.45,
    fates: { approve: 0.72, reject: 0.14 },
    merchants: [
      [
        "AWS",
        "cloud",
        6_000,
        9_900,
        ["Monthly AWS bill: EC2 and RDS for production", "S3 and CloudFront usage for the marketing site", "EKS cluster usage for staging"],
      ],
      ["Google Cloud", "cloud", 4_000, 9_500, ["BigQuery analysis for the finance data mart", "GKE nodes for the ML pipeline"]],
      ["DigitalOcean", "cloud", 1_500, 9_000, ["Droplets for internal tools", "Managed Postgres for the status page"]],
      ["Datadog", "observability", 8_000, 9_800, ["Datadog APM hosts", "Log retention overage for October"]],
      ["Cloudflare", "cloud", 2_000, 9_000, ["Cloudflare Pro zones", "Workers paid plan"]],
      ["MongoDB Atlas", "database", 5_000, 9_900, ["Atlas M30 cluster for the events service"]],
    ],
  },
  {
    key: "research",
    name: "Research Assistant",
    owner: "Dr. Kavya Iyer (Data Science)",
    description: "Buys model API credits and datasets for the data science team.",
    balance: lakh(3),
    overrides: {},
    count: 37,
    confidence: [0.7, 0.95],
    lowConfidenceShare: 0.27,
    largeShare: 0,
    fates: { approve: 0.5, reject: 0.3 },
    merchants: [
      ["OpenAI", "api_credits", 1_000, 8_000, ["API credits for the contract-review prototype", "GPT batch jobs for invoice classification"]],
      ["Anthropic", "api_credits", 1_000, 8_000, ["Claude API credits for document summarisation", "Evaluation run on the support corpus"]],
      ["Perplexity", "saas", 1_500, 3_000, ["Perplexity Pro for market research"]],
      ["Hugging Face", "api_credits", 800, 6_000, ["Inference endpoints for the embedding model", "Hugging Face Pro for the team"]],
      ["Replicate", "api_credits", 500, 4_000, ["Image model runs for the brand study"]],
    ],
  },
  {
    key: "growth",
    name: "Growth Marketing Agent",
    owner: "Rohan Gupta (Growth)",
    description: "Buys ads and marketing tools within the campaign plan.",
    balance: lakh(12),
    overrides: { daily_budget: lakh(1.2), monthly_budget: lakh(12) },
    count: 39,
    confidence: [0.66, 0.95],
    lowConfidenceShare: 0.06,
    largeShare: 0.35,
    fates: { approve: 0.65, reject: 0.2 },
    merchants: [
      ["LinkedIn Ads", "advertising", 5_000, 9_900, ["Sponsored content for the CFO webinar", "LinkedIn lead-gen campaign, week 3"]],
      ["Google Ads", "advertising", 5_000, 9_800, ["Search campaign: 'AI spend controls'", "Retargeting budget top-up"]],
      ["Meta Ads", "advertising", 3_000, 9_500, ["Instagram campaign for the product launch"]],
      ["Canva", "saas", 500, 4_000, ["Canva Pro seats for the content team"]],
      ["HubSpot", "saas", 8_000, 9_900, ["HubSpot Marketing Hub Starter invoice"]],
    ],
  },
  {
    key: "travel",
    name: "Travel Desk Agent",
    owner: "Neha Kapoor (People Ops)",
    description: "Books travel and meals for approved business trips.",
    balance: lakh(1.5),
    overrides: {},
    count: 22,
    confidence: [0.75, 0.97],
    lowConfidenceShare: 0.05,
    largeShare: 0.12,
    fates: { approve: 0.8, reject: 0.05 },
    merchants: [
      ["MakeMyTrip", "travel", 3_000, 9_500, ["Flights BLR-DEL for the audit committee", "Hotel and flights for the Mumbai offsite"]],
      ["Uber", "travel", 300, 1_500, ["Airport transfer for a client visit"]],
      ["IndiGo", "travel", 4_000, 9_000, ["Flight PNQ-BLR for the quarterly review"]],
      ["Zomato", "meals", 500, 3_000, ["Team lunch during the close week"]],
      ["Taj Hotels", "lodging", 8_000, 9_900, ["Two nights for the board meeting"]],
    ],
  },
];
