/**
 * How long each answer on the public form may be: the server's limits (`reportBody` in
 * public-report.routes.ts; a server test keeps the two the same), shown to the reporter as they
 * type so none is found out only when sending.
 */
export const REPORT_LIMITS = {
  description: 10_000,
  when: 200,
  town: 100,
  locationDescription: 1000,
  personName: 200,
  personNationality: 80,
  personDescription: 1000,
  phone: 40,
  vehicle: 12,
  vehicleDescription: 200,
  business: 200,
  businessAddress: 300,
  online: 2000,
  message: 5000,
} as const;
