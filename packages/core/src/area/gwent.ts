import type { ForceArea } from './force-area';

/** Gwent Police's area: five local authorities, their main towns and postcode districts. */
export const GWENT: ForceArea = {
  force: 'Gwent Police',
  forceCy: 'Heddlu Gwent',
  localAuthorities: [
    {
      code: 'W06000019',
      name: 'Blaenau Gwent',
      nameCy: 'Blaenau Gwent',
      population: 67_000,
      towns: [
        { name: 'Ebbw Vale', nameCy: 'Glynebwy', postcodeDistricts: ['NP23'], lat: 51.777, lon: -3.207 },
        { name: 'Tredegar', nameCy: 'Tredegar', postcodeDistricts: ['NP22'], lat: 51.772, lon: -3.248 },
        { name: 'Abertillery', nameCy: 'Abertyleri', postcodeDistricts: ['NP13'], lat: 51.73, lon: -3.135 },
        { name: 'Brynmawr', nameCy: 'Bryn-mawr', postcodeDistricts: ['NP23'], lat: 51.8, lon: -3.18 },
        { name: 'Blaina', nameCy: 'Blaenau', postcodeDistricts: ['NP13'], lat: 51.765, lon: -3.16 },
      ],
    },
    {
      code: 'W06000018',
      name: 'Caerphilly',
      nameCy: 'Caerffili',
      population: 176_000,
      towns: [
        { name: 'Caerphilly', nameCy: 'Caerffili', postcodeDistricts: ['CF83'], lat: 51.574, lon: -3.218 },
        { name: 'Blackwood', nameCy: 'Coed-duon', postcodeDistricts: ['NP12'], lat: 51.668, lon: -3.195 },
        { name: 'Bargoed', nameCy: 'Bargod', postcodeDistricts: ['CF81'], lat: 51.69, lon: -3.23 },
        { name: 'Risca', nameCy: 'Rhisga', postcodeDistricts: ['NP11'], lat: 51.608, lon: -3.1 },
        { name: 'Ystrad Mynach', nameCy: 'Ystrad Mynach', postcodeDistricts: ['CF82'], lat: 51.64, lon: -3.24 },
        { name: 'Newbridge', nameCy: 'Trecelyn', postcodeDistricts: ['NP11'], lat: 51.667, lon: -3.144 },
        { name: 'Rhymney', nameCy: 'Rhymni', postcodeDistricts: ['NP22'], lat: 51.759, lon: -3.283 },
      ],
    },
    {
      code: 'W06000021',
      name: 'Monmouthshire',
      nameCy: 'Sir Fynwy',
      population: 94_000,
      towns: [
        { name: 'Abergavenny', nameCy: 'Y Fenni', postcodeDistricts: ['NP7'], lat: 51.824, lon: -3.017 },
        { name: 'Monmouth', nameCy: 'Trefynwy', postcodeDistricts: ['NP25'], lat: 51.81, lon: -2.716 },
        { name: 'Chepstow', nameCy: 'Cas-gwent', postcodeDistricts: ['NP16'], lat: 51.642, lon: -2.675 },
        { name: 'Caldicot', nameCy: 'Cil-y-coed', postcodeDistricts: ['NP26'], lat: 51.591, lon: -2.75 },
        { name: 'Usk', nameCy: 'Brynbuga', postcodeDistricts: ['NP15'], lat: 51.703, lon: -2.903 },
      ],
    },
    {
      code: 'W06000022',
      name: 'Newport',
      nameCy: 'Casnewydd',
      population: 161_000,
      towns: [
        { name: 'Newport', nameCy: 'Casnewydd', postcodeDistricts: ['NP19', 'NP20', 'NP10'], lat: 51.588, lon: -2.998 },
        { name: 'Caerleon', nameCy: 'Caerllion', postcodeDistricts: ['NP18'], lat: 51.61, lon: -2.957 },
        { name: 'Rogerstone', nameCy: 'Tŷ-du', postcodeDistricts: ['NP10'], lat: 51.59, lon: -3.06 },
      ],
    },
    {
      code: 'W06000020',
      name: 'Torfaen',
      nameCy: 'Torfaen',
      population: 93_000,
      towns: [
        { name: 'Cwmbran', nameCy: 'Cwmbrân', postcodeDistricts: ['NP44'], lat: 51.653, lon: -3.021 },
        { name: 'Pontypool', nameCy: 'Pont-y-pŵl', postcodeDistricts: ['NP4'], lat: 51.701, lon: -3.044 },
        { name: 'Blaenavon', nameCy: 'Blaenafon', postcodeDistricts: ['NP4'], lat: 51.774, lon: -3.085 },
      ],
    },
  ],
};

/**
 * The post town of each postcode district in and around the force area (Royal Mail's), so an
 * address written with its postcode and one written with its town are known as one place:
 * "40 Station Road, Newport" is "40 Station Road, NP20 2DG". Localities post under a larger town
 * (Rogerstone and Risca under Newport, Blaina under Abertillery).
 */
export const GWENT_POST_TOWNS: Readonly<Record<string, string>> = {
  NP4: 'Pontypool',
  NP7: 'Abergavenny',
  NP8: 'Crickhowell',
  NP10: 'Newport',
  NP11: 'Newport',
  NP12: 'Blackwood',
  NP13: 'Abertillery',
  NP15: 'Usk',
  NP16: 'Chepstow',
  NP18: 'Newport',
  NP19: 'Newport',
  NP20: 'Newport',
  NP22: 'Tredegar',
  NP23: 'Ebbw Vale',
  NP24: 'New Tredegar',
  NP25: 'Monmouth',
  NP26: 'Caldicot',
  NP44: 'Cwmbran',
  CF81: 'Bargoed',
  CF82: 'Hengoed',
  CF83: 'Caerphilly',
};
