import type { ProgrammeKind } from '../programme/programme';
import type { Topic } from './vocabulary';

const topic = (id: string, es: string, en: string, ...synonyms: string[]): Topic => ({
  id,
  label: { es, en },
  synonyms,
});

/**
 * The topics each template starts with; HR edits them for the programme (docs/product.md, rule 4).
 * Reverse mentoring's come from its practice: the digital gap, entrepreneurship (design thinking,
 * design sprint, digital marketing), diversity and understanding the new customer. Executive
 * mentoring's from its activities: leadership, decision-making, negotiation, persuasion and
 * rhetoric, high-level meetings. Classic mentoring multiplies the organisation's own strategic
 * knowledge, so its list is a starting point HR rewrites from the programme's objectives.
 */
export const TEMPLATE_TOPICS: Record<ProgrammeKind, readonly Topic[]> = {
  classic: [
    topic(
      'strategy',
      'Estrategia de la organización',
      'Organisation strategy',
      'strategy',
      'estrategia',
      'organization strategy',
    ),
    topic(
      'customers-markets',
      'Clientes y mercados',
      'Customers and markets',
      'mercado',
      'clientes',
    ),
    topic(
      'processes',
      'Procesos y operaciones',
      'Processes and operations',
      'operaciones',
      'operations',
    ),
    topic(
      'technical-know-how',
      'Conocimiento técnico del puesto',
      'Technical know-how',
      'know-how',
      'saber hacer',
    ),
    topic(
      'project-management',
      'Gestión de proyectos',
      'Project management',
      'project manager',
      'pmo',
    ),
    topic(
      'people-management',
      'Gestión de personas',
      'People management',
      'gestión de equipos',
      'managing people',
    ),
    topic(
      'career-development',
      'Desarrollo profesional',
      'Career development',
      'carrera profesional',
      'career',
    ),
    topic(
      'organisation-culture',
      'Cultura de la organización',
      'Organisation culture',
      'cultura',
      'culture',
      'organizational culture',
    ),
    topic('innovation', 'Innovación', 'Innovation', 'innovar'),
    topic('communication', 'Comunicación', 'Communication', 'comunicar'),
  ],
  reverse: [
    topic(
      'digital-gap',
      'Brecha digital',
      'Digital gap',
      'brecha tecnológica',
      'digital divide',
      'competencias digitales',
      'digital skills',
    ),
    topic('social-media', 'Redes sociales', 'Social media', 'social networks', 'rrss'),
    topic('digital-tools', 'Herramientas digitales', 'Digital tools', 'apps', 'aplicaciones'),
    topic(
      'entrepreneurship',
      'Emprendimiento',
      'Entrepreneurship',
      'emprender',
      'startups',
      'start-up',
    ),
    topic('design-thinking', 'Design thinking', 'Design thinking', 'pensamiento de diseño'),
    topic('design-sprint', 'Design sprint', 'Design sprint', 'sprint de diseño'),
    topic(
      'digital-marketing',
      'Marketing digital',
      'Digital marketing',
      'marketing online',
      'online marketing',
    ),
    topic('agile-methods', 'Metodologías ágiles', 'Agile methods', 'agile', 'agilidad', 'scrum'),
    topic(
      'diversity',
      'Diversidad',
      'Diversity',
      'inclusión',
      'inclusion',
      'diversidad e inclusión',
      'diversity and inclusion',
    ),
    topic(
      'new-customer',
      'Entender al nuevo cliente',
      'Understanding the new customer',
      'nuevo cliente',
      'new customer',
      'nuevas generaciones',
      'new generations',
    ),
  ],
  executive: [
    topic('leadership', 'Liderazgo', 'Leadership', 'liderar', 'leading'),
    topic('decision-making', 'Toma de decisiones', 'Decision-making', 'decisiones', 'decisions'),
    topic('negotiation', 'Negociación', 'Negotiation', 'negociar', 'negotiating', 'bargaining'),
    topic(
      'persuasion-rhetoric',
      'Persuasión y retórica',
      'Persuasion and rhetoric',
      'persuasión',
      'persuasion',
      'retórica',
      'rhetoric',
      'oratoria',
    ),
    topic(
      'high-level-meetings',
      'Reuniones de alto nivel',
      'High-level meetings',
      'comité de dirección',
      'board meetings',
      'executive meetings',
    ),
    topic(
      'public-speaking',
      'Hablar en público',
      'Public speaking',
      'presentaciones',
      'presentations',
    ),
    topic(
      'strategic-vision',
      'Visión estratégica',
      'Strategic vision',
      'visión de negocio',
      'business vision',
    ),
    topic(
      'team-leadership',
      'Dirección de equipos',
      'Leading teams',
      'dirigir equipos',
      'team management',
    ),
    topic(
      'business-relationships',
      'Relaciones de negocio',
      'Business relationships',
      'networking',
      'relaciones con clientes',
      'stakeholders',
    ),
    topic(
      'personal-goals',
      'Objetivos personales y profesionales',
      'Personal and professional goals',
      'metas',
      'goals',
      'plan de carrera',
    ),
  ],
};
