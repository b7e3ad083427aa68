/** Gwent's local authorities as the staff pages name them: [ONS code, English, Welsh]. */
export const AREAS = [
  ['W06000019', 'Blaenau Gwent', 'Blaenau Gwent'],
  ['W06000018', 'Caerphilly', 'Caerffili'],
  ['W06000021', 'Monmouthshire', 'Sir Fynwy'],
  ['W06000022', 'Newport', 'Casnewydd'],
  ['W06000020', 'Torfaen', 'Tor-faen'],
] as const;
