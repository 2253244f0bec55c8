import type { Department, NodeRole } from './hierarchy';
import type { Gender } from './names';
import type { SeededRandom } from './random';

type LineDepartment = Exclude<Department, 'Dirección'>;

/** A title in Spanish (masculine, feminine) and in English, for English-speaking staff. */
type Title = readonly [masculine: string, feminine: string, english: string];

/** Areas a department's sub-teams are named after (heads and managers take one each). */
const AREAS: Record<LineDepartment, readonly (readonly [string, string])[]> = {
  Personas: [
    ['Talento', 'Talent'],
    ['Selección', 'Recruitment'],
    ['Formación', 'Learning'],
    ['Compensación y Beneficios', 'Reward'],
    ['Relaciones Laborales', 'Employee Relations'],
  ],
  Tecnología: [
    ['Plataforma', 'Platform'],
    ['Datos', 'Data'],
    ['Aplicaciones', 'Applications'],
    ['Seguridad', 'Security'],
    ['Puesto de Trabajo', 'Workplace'],
    ['Arquitectura', 'Architecture'],
    ['Soporte', 'Support'],
  ],
  Ventas: [
    ['Grandes Cuentas', 'Key Accounts'],
    ['Pymes', 'SMB'],
    ['Sector Público', 'Public Sector'],
    ['Canal', 'Channel'],
    ['Preventa', 'Presales'],
  ],
  Marketing: [
    ['Marketing Digital', 'Digital Marketing'],
    ['Marca', 'Brand'],
    ['Comunicación', 'Communications'],
    ['Producto', 'Product Marketing'],
    ['Eventos', 'Events'],
  ],
  Operaciones: [
    ['Logística', 'Logistics'],
    ['Compras', 'Procurement'],
    ['Atención al Cliente', 'Customer Service'],
    ['Calidad', 'Quality'],
    ['Instalaciones', 'Facilities'],
  ],
  Finanzas: [
    ['Contabilidad', 'Accounting'],
    ['Control de Gestión', 'Controlling'],
    ['Tesorería', 'Treasury'],
    ['Fiscalidad', 'Tax'],
  ],
  Legal: [
    ['Contratos', 'Contracts'],
    ['Cumplimiento Normativo', 'Compliance'],
    ['Protección de Datos', 'Data Protection'],
  ],
};

const DEPARTMENT_IN_ENGLISH: Record<LineDepartment, string> = {
  Personas: 'People',
  Tecnología: 'Technology',
  Ventas: 'Sales',
  Marketing: 'Marketing',
  Operaciones: 'Operations',
  Finanzas: 'Finance',
  Legal: 'Legal',
};

const INDIVIDUAL_TITLES: Record<LineDepartment, readonly Title[]> = {
  Personas: [
    ['Técnico de Selección', 'Técnica de Selección', 'Recruiter'],
    ['Técnico de Formación', 'Técnica de Formación', 'Learning Specialist'],
    ['HR Business Partner', 'HR Business Partner', 'HR Business Partner'],
    ['Técnico de Nóminas', 'Técnica de Nóminas', 'Payroll Specialist'],
  ],
  Tecnología: [
    ['Desarrollador de software', 'Desarrolladora de software', 'Software Engineer'],
    ['Ingeniero de datos', 'Ingeniera de datos', 'Data Engineer'],
    ['Analista de datos', 'Analista de datos', 'Data Analyst'],
    ['Ingeniero QA', 'Ingeniera QA', 'QA Engineer'],
    ['Ingeniero cloud', 'Ingeniera cloud', 'Cloud Engineer'],
    ['Técnico de soporte', 'Técnica de soporte', 'Support Engineer'],
    ['Analista de seguridad', 'Analista de seguridad', 'Security Analyst'],
    ['Diseñador UX', 'Diseñadora UX', 'UX Designer'],
  ],
  Ventas: [
    ['Ejecutivo de cuentas', 'Ejecutiva de cuentas', 'Account Executive'],
    ['Comercial', 'Comercial', 'Sales Representative'],
    ['Consultor preventa', 'Consultora preventa', 'Presales Consultant'],
    ['Gestor de clientes', 'Gestora de clientes', 'Customer Success Manager'],
  ],
  Marketing: [
    ['Especialista en marketing digital', 'Especialista en marketing digital', 'Digital Marketer'],
    ['Diseñador gráfico', 'Diseñadora gráfica', 'Graphic Designer'],
    ['Community manager', 'Community manager', 'Community Manager'],
    ['Técnico de comunicación', 'Técnica de comunicación', 'Communications Officer'],
    ['Analista de mercado', 'Analista de mercado', 'Market Analyst'],
  ],
  Operaciones: [
    ['Técnico de logística', 'Técnica de logística', 'Logistics Coordinator'],
    ['Comprador', 'Compradora', 'Buyer'],
    ['Agente de atención al cliente', 'Agente de atención al cliente', 'Customer Service Agent'],
    ['Técnico de calidad', 'Técnica de calidad', 'Quality Specialist'],
    ['Planificador', 'Planificadora', 'Planner'],
  ],
  Finanzas: [
    ['Contable', 'Contable', 'Accountant'],
    ['Analista financiero', 'Analista financiera', 'Financial Analyst'],
    ['Controller', 'Controller', 'Controller'],
    ['Técnico de tesorería', 'Técnica de tesorería', 'Treasury Analyst'],
  ],
  Legal: [
    ['Abogado', 'Abogada', 'Lawyer'],
    ['Paralegal', 'Paralegal', 'Paralegal'],
    ['Técnico de cumplimiento', 'Técnica de cumplimiento', 'Compliance Officer'],
  ],
};

const STAFF_TITLES: readonly Title[] = [
  ['Jefe de Gabinete', 'Jefa de Gabinete', 'Chief of Staff'],
  ['Asistente de Dirección', 'Asistente de Dirección', 'Executive Assistant'],
  ['Responsable de Estrategia', 'Responsable de Estrategia', 'Head of Strategy'],
];

export interface TitleInput {
  role: NodeRole;
  department: Department;
  /** The area of the sub-tree the person sits in (index into the department's areas). */
  area: number;
  /** The person's rank among their manager's reports. */
  rank: number;
  /** Heads report to a director; managers sit deeper. */
  level: number;
  gender: Gender;
  english: boolean;
}

function say(title: Title, gender: Gender, english: boolean): string {
  if (english) return title[2];
  return gender === 'f' ? title[1] : title[0];
}

export function areaCount(department: Department): number {
  return department === 'Dirección' ? 1 : AREAS[department].length;
}

/** A job title that matches the person's place in the tree, department and language. */
export function jobTitleFor(random: SeededRandom, input: TitleInput): string {
  const { role, gender, english } = input;
  if (role === 'ceo')
    return say(['Consejero Delegado', 'Consejera Delegada', 'CEO'], gender, english);
  if (input.department === 'Dirección')
    return say(STAFF_TITLES[input.rank % STAFF_TITLES.length]!, gender, english);
  const department = input.department;
  const [areaEs, areaEn] = AREAS[department][input.area % AREAS[department].length]!;
  switch (role) {
    case 'director':
      return english
        ? `${DEPARTMENT_IN_ENGLISH[department]} Director`
        : `${gender === 'f' ? 'Directora' : 'Director'} de ${department}`;
    case 'manager':
      if (input.level === 3) return english ? `Head of ${areaEn}` : `Gerente de ${areaEs}`;
      return english ? `${areaEn} Manager` : `Responsable de ${areaEs}`;
    case 'lead':
      return english
        ? `Team Lead, ${areaEn}`
        : `${gender === 'f' ? 'Jefa' : 'Jefe'} de equipo de ${areaEs}`;
    default: {
      const base = say(random.pick(INDIVIDUAL_TITLES[department]), gender, english);
      const seniority = random.next();
      if (seniority < 0.22) return english ? `Senior ${base}` : `${base} sénior`;
      if (seniority < 0.35) return english ? `Junior ${base}` : `${base} júnior`;
      return base;
    }
  }
}
