import type { APIRoute } from 'astro';
import { NEEDS, MAX_PERSONS } from '../../domain/booking-schema';
import { LANGUAGE_CODES } from '../../i18n/languages';

const error = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: error } } });
const tokenParam = {
  name: 'token',
  in: 'path',
  required: true,
  description: 'The secret from the manage link (only its hash is stored).',
  schema: { type: 'string', pattern: '^[a-z2-7]{20,64}$' },
};
const langParam = {
  name: 'lang',
  in: 'query',
  required: false,
  description: 'Language for names and messages; else Accept-Language.',
  schema: { type: 'string', enum: LANGUAGE_CODES },
};

/** The booking API, for the portal's own island and for other city apps. */
const document = {
  openapi: '3.1.0',
  info: {
    title: 'Welcome Portal booking API',
    version: '1.0.0',
    description:
      'Appointments at the Office for Migration and Integration. Times are ISO 8601 with the Europe/Berlin offset. Messages come in the requested language. Booking is limited per e-mail address and per client address (429).',
  },
  servers: [{ url: '/' }],
  paths: {
    '/api/services': {
      get: {
        summary: 'Bookable services with the locations that offer them',
        parameters: [langParam],
        responses: {
          '200': { description: 'Services', content: { 'application/json': { schema: { $ref: '#/components/schemas/ServiceList' } } } },
        },
      },
    },
    '/api/availability': {
      get: {
        summary: 'Free start times and the capacity left at each',
        parameters: [
          { name: 'service', in: 'query', required: true, schema: { type: 'string' } },
          { name: 'location', in: 'query', required: true, schema: { type: 'string' } },
          {
            name: 'from',
            in: 'query',
            required: false,
            description: 'First day (YYYY-MM-DD, Berlin); default today.',
            schema: { type: 'string', format: 'date' },
          },
          { name: 'days', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 120, default: 14 } },
          { name: 'persons', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_PERSONS, default: 1 } },
          langParam,
        ],
        responses: {
          '200': { description: 'Free times', content: { 'application/json': { schema: { $ref: '#/components/schemas/Availability' } } } },
          '400': errorResponse('Bad parameter'),
          '404': errorResponse('The service is not offered at this location'),
        },
      },
    },
    '/api/appointments': {
      post: {
        summary: 'Book an appointment',
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/BookingRequest' } } } },
        responses: {
          '201': {
            description: 'Booked; the confirmation mail is queued',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Booked' } } },
          },
          '400': errorResponse('Malformed JSON'),
          '409': {
            description:
              'The time was just taken (with the next free times), or the person already has an open appointment for this service',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Taken' } } },
          },
          '413': errorResponse('Body larger than 16 KB'),
          '415': errorResponse('Not application/json'),
          '422': errorResponse('Invalid fields: `error.fields` holds a message per field'),
          '429': errorResponse('Too many bookings from this address or for this e-mail'),
          '503': errorResponse('The database is unavailable; nothing was written, try again'),
        },
      },
    },
    '/api/appointments/{token}': {
      get: {
        summary: 'The appointment behind a manage link',
        parameters: [tokenParam],
        responses: { '200': { description: 'The appointment' }, '404': errorResponse('No such appointment') },
      },
    },
    '/api/appointments/{token}/move': {
      post: {
        summary: 'Move to another free time',
        parameters: [tokenParam],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { type: 'object', required: ['start'], properties: { start: { type: 'string', format: 'date-time' } } },
            },
          },
        },
        responses: {
          '200': { description: 'Moved' },
          '404': errorResponse('No such appointment'),
          '409': errorResponse('Taken, or no longer changeable'),
          '422': errorResponse('Not a bookable time'),
        },
      },
    },
    '/api/appointments/{token}/cancel': {
      post: {
        summary: 'Cancel; the time is free for others at once',
        parameters: [tokenParam],
        responses: {
          '200': { description: 'Cancelled' },
          '404': errorResponse('No such appointment'),
          '409': errorResponse('No longer changeable'),
        },
      },
    },
    '/api/waitlist': {
      post: {
        summary: 'Be told by mail when a time frees up (first come, first told)',
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/WaitlistRequest' } } } },
        responses: {
          '201': { description: 'Added' },
          '200': { description: 'Already waiting' },
          '422': errorResponse('Invalid fields'),
          '429': errorResponse('Limited'),
        },
      },
    },
  },
  components: {
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code'],
            properties: {
              code: { type: 'string' },
              message: { type: 'string' },
              fields: { type: 'object', additionalProperties: { type: 'string' } },
            },
          },
        },
      },
      ServiceList: {
        type: 'object',
        properties: {
          language: { type: 'string' },
          services: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: { type: 'string' },
                name: { type: 'string' },
                area: { type: 'string', enum: ['migration', 'home', 'integration'] },
                durationMinutes: { type: 'integer' },
                extraPersonMinutes: { type: 'integer' },
                horizonDays: { type: 'integer' },
                staffLanguages: { type: 'array', items: { type: 'string' } },
                infoPage: { type: 'string' },
                locations: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } } },
              },
            },
          },
        },
      },
      Availability: {
        type: 'object',
        properties: {
          service: { type: 'string' },
          location: { type: 'string' },
          timeZone: { const: 'Europe/Berlin' },
          slots: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                start: { type: 'string', format: 'date-time' },
                end: { type: 'string', format: 'date-time' },
                capacityLeft: { type: 'integer', minimum: 1 },
              },
            },
          },
        },
      },
      BookingRequest: {
        type: 'object',
        required: ['service', 'location', 'start', 'name', 'email', 'language'],
        properties: {
          service: { type: 'string' },
          location: { type: 'string' },
          start: { type: 'string', format: 'date-time' },
          persons: {
            type: 'integer',
            minimum: 1,
            maximum: MAX_PERSONS,
            default: 1,
            description: 'A family books together; the appointment lengthens per extra person.',
          },
          name: { type: 'string', minLength: 2, maxLength: 120 },
          email: { type: 'string', format: 'email', maxLength: 254 },
          phone: { type: 'string' },
          language: { type: 'string', enum: LANGUAGE_CODES, description: 'Language of the mails' },
          needs: { type: 'array', items: { type: 'string', enum: NEEDS } },
        },
      },
      Booked: { type: 'object', properties: { appointment: { type: 'object' }, manageUrl: { type: 'string', format: 'uri' } } },
      Taken: {
        allOf: [
          { $ref: '#/components/schemas/Error' },
          {
            type: 'object',
            properties: {
              next: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { start: { type: 'string', format: 'date-time' }, capacityLeft: { type: 'integer' } },
                },
              },
            },
          },
        ],
      },
      WaitlistRequest: {
        type: 'object',
        required: ['service', 'email', 'language'],
        properties: {
          service: { type: 'string' },
          location: { type: 'string' },
          email: { type: 'string', format: 'email' },
          language: { type: 'string', enum: LANGUAGE_CODES },
        },
      },
    },
  },
};

export const GET: APIRoute = () =>
  new Response(JSON.stringify(document, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
