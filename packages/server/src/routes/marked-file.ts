import type { FastifyReply } from 'fastify';

/** A PDF made for download, with the protective marking it carries on its pages. */
export interface MarkedPdf {
  readonly fileName: string;
  readonly pdf: Buffer;
  readonly marking: string;
}

/** Sends a marked PDF as a download, its marking also in a header (for whatever stores or forwards it). */
export function sendMarkedPdf(reply: FastifyReply, { fileName, pdf, marking }: MarkedPdf): FastifyReply {
  return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).header('x-protective-marking', marking).send(pdf);
}
