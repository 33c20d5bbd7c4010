import type { OrganisationInput } from './referralSchema';

/**
 * Referral partners named in the field documents (../shared/seeds), seeded on first start.
 * Fixed ids, so the same partner seeded on every monitor's laptop is one record at HQ.
 */
export const partnerSeeds: readonly (OrganisationInput & { id: string })[] = [
  {
    id: '7d0e6f1a-3c43-4d0e-9b1e-0a4f4d1c0001',
    name: 'Civil Rights Program Kosovo (CRP/K)',
    services: ['freeLegalAid', 'civilDocumentation', 'housingProperty'],
    contact: '',
    active: true,
  },
  {
    id: '7d0e6f1a-3c43-4d0e-9b1e-0a4f4d1c0002',
    name: 'Kosova Rehabilitation Centre for Torture Victims (KRCT)',
    services: ['psychosocialRehabilitation', 'health'],
    contact: '',
    active: true,
  },
  {
    id: '7d0e6f1a-3c43-4d0e-9b1e-0a4f4d1c0003',
    name: 'Red Cross of Kosova',
    services: ['familyTracing', 'socialAssistance'],
    contact: '',
    active: true,
  },
  {
    id: '7d0e6f1a-3c43-4d0e-9b1e-0a4f4d1c0004',
    name: 'International Committee of the Red Cross (ICRC)',
    services: ['familyTracing'],
    contact: '',
    active: true,
  },
  {
    id: '7d0e6f1a-3c43-4d0e-9b1e-0a4f4d1c0005',
    name: 'Advancing Together',
    services: ['socialAssistance', 'education', 'other'],
    contact: '',
    active: true,
  },
  {
    id: '7d0e6f1a-3c43-4d0e-9b1e-0a4f4d1c0006',
    name: 'Danish Refugee Council',
    services: ['housingProperty', 'socialAssistance'],
    contact: '',
    active: true,
  },
  {
    id: '7d0e6f1a-3c43-4d0e-9b1e-0a4f4d1c0007',
    name: 'Mother Teresa Society',
    services: ['socialAssistance', 'health'],
    contact: '',
    active: true,
  },
  {
    id: '7d0e6f1a-3c43-4d0e-9b1e-0a4f4d1c0008',
    name: 'Jesuit Refugee Service',
    services: ['education', 'socialAssistance'],
    contact: '',
    active: true,
  },
  {
    id: '7d0e6f1a-3c43-4d0e-9b1e-0a4f4d1c0009',
    name: 'IOM',
    services: ['socialAssistance', 'other'],
    contact: '',
    active: true,
  },
  {
    id: '7d0e6f1a-3c43-4d0e-9b1e-0a4f4d1c000a',
    name: 'Municipal Office for Communities and Return',
    services: ['civilDocumentation', 'housingProperty', 'socialAssistance'],
    contact: '',
    active: true,
  },
  {
    id: '7d0e6f1a-3c43-4d0e-9b1e-0a4f4d1c000b',
    name: 'Centre for Social Work',
    services: ['socialAssistance', 'psychosocialRehabilitation'],
    contact: '',
    active: true,
  },
  {
    id: '7d0e6f1a-3c43-4d0e-9b1e-0a4f4d1c000c',
    name: 'Ombudsperson Institution',
    services: ['freeLegalAid', 'other'],
    contact: '',
    active: true,
  },
  {
    id: '7d0e6f1a-3c43-4d0e-9b1e-0a4f4d1c000d',
    name: 'Kosovo Property Comparison and Verification Agency',
    services: ['housingProperty'],
    contact: '',
    active: true,
  },
];
