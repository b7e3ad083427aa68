/** The domain's word lists live in the contract, which the web shares; core re-exports them. */
export {
  BUSINESS_KINDS,
  DOCUMENT_TYPES,
  EXPLOITATION_TYPES,
  PERSON_ROLES,
  REPORT_SOURCES,
  type BusinessKind,
  type DocumentType,
  type ExploitationType,
  type PersonRole,
  type ReportSource,
} from '@harbour/contract';
