import { openApiDocument } from '@/domain/api/v1/openapi';
import { apiJson, apiPreflight, apiRoute } from '@/services/api/v1/respond';

/** GET /api/v1/openapi.json: the OpenAPI 3.1 document, generated from the zod schemas. */

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async (request: Request) => apiJson(request, openApiDocument()));

export const OPTIONS = apiPreflight;
