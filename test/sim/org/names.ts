/** Name pools for Contoso Ibérica's people: Spain, Mexico and English speakers. */

/** Pools are written as comma-separated text: one name a slot, compound names keep their space. */
function list(text: string): readonly string[] {
  return text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

export type Gender = 'f' | 'm';
export type NameOrigin = 'es' | 'mx' | 'en';

const SPANISH_FEMALE = list(`
  Lucía, María, Carmen, Ana, Laura, Marta, Paula, Sara, Elena, Cristina, Isabel, Pilar,
  Raquel, Beatriz, Nuria, Rocío, Sofía, Irene, Alba, Claudia, Andrea, Julia, Noelia,
  Patricia, Silvia, Montserrat, Mercedes, Inés, Lorena, Natalia, Teresa, Rosa, Alicia, Eva,
  Begoña, Ainhoa, Itziar, Nerea, Carla, Aitana, Marina, Olga, Yolanda, Esther, Miriam,
  Blanca, Celia, Ángela, Verónica, Susana, Noemí, Judit, Leire, Consuelo, Macarena
`);
const SPANISH_MALE = list(`
  Javier, Raúl, Carlos, Antonio, José, Manuel, David, Daniel, Francisco, Alejandro, Pablo,
  Sergio, Jorge, Álvaro, Adrián, Diego, Iván, Rubén, Óscar, Miguel, Alberto, Fernando, Luis,
  Ángel, Rafael, Ignacio, Gonzalo, Hugo, Marcos, Víctor, Jaime, Íñigo, Jordi, Xavier, Aitor,
  Mikel, Joaquín, Ramón, Enrique, Emilio, Tomás, Guillermo, Andrés, Nicolás, Samuel, Mario,
  Borja, Eduardo, Vicente, Agustín, Lorenzo, Julián, Martín, Héctor, Gabriel
`);
const MEXICAN_FEMALE = list(`
  Guadalupe, Ximena, Itzel, Fernanda, Valeria, Mariana, Daniela, Regina, Renata, Camila,
  Andrea, Alejandra, Gabriela, Verónica, Adriana, Mónica, Karla, Paola, Araceli, Yesenia,
  Citlali, Abril, Leticia, Rosario, Socorro, Dulce, Brenda
`);
const MEXICAN_MALE = list(`
  Alejandro, Emiliano, Santiago, Leonardo, Mateo, Rodrigo, Eduardo, Arturo, Ricardo, Jesús,
  Juan Carlos, José Luis, Miguel Ángel, Héctor, Armando, Gerardo, Ulises, Iker, Diego,
  Fernando, Octavio, Rogelio, Salvador, Cuauhtémoc, Efraín
`);
const ENGLISH_FEMALE = list(`
  Emily, Charlotte, Olivia, Sophie, Hannah, Grace, Emma, Jessica, Rachel, Sarah, Amelia,
  Chloe, Lucy, Megan, Harriet, Eleanor, Abigail, Madison, Ashley, Lauren, Fiona, Siobhan,
  Catherine, Victoria
`);
const ENGLISH_MALE = list(`
  James, Oliver, Thomas, William, Harry, George, Jack, Daniel, Matthew, Samuel, Benjamin,
  Alexander, Edward, Henry, Michael, Christopher, Andrew, Ryan, Tyler, Brandon, Liam, Connor,
  Patrick, Robert
`);
const SPANISH_SURNAMES = list(`
  García, Fernández, González, Rodríguez, López, Martínez, Sánchez, Pérez, Gómez, Martín,
  Jiménez, Hernández, Ruiz, Díaz, Moreno, Muñoz, Álvarez, Romero, Gutiérrez, Alonso, Navarro,
  Torres, Domínguez, Ramos, Vázquez, Gil, Ramírez, Serrano, Blanco, Molina, Suárez, Ortega,
  Delgado, Castro, Ortiz, Rubio, Marín, Sanz, Núñez, Iglesias, Medina, Garrido, Cortés,
  Castillo, Santos, Lozano, Guerrero, Cano, Prieto, Méndez, Cruz, Calvo, Gallego, Vidal,
  León, Herrera, Márquez, Peña, Cabrera, Flores, Campos, Vega, Fuentes, Carrasco, Diez,
  Caballero, Reyes, Nieto, Aguilar, Pascual, Santana, Herrero, Montero, Hidalgo, Lorenzo,
  Giménez, Ibáñez, Ferrer, Durán, Santiago, Benítez, Mora, Vicente, Arias, Vargas, Carmona,
  Crespo, Román, Pastor, Soto, Sáez, Velasco, Moya, Soler, Parra, Esteban, Bravo, Gallardo,
  Rojas, Pardo, Rivas, Puig, Casas, Font, Batlle, Pujol, Rivero, Quintana, Mesa, Betancor,
  Sosa
`);
const MEXICAN_SURNAMES = list(`
  Hernández, García, Martínez, López, González, Rodríguez, Pérez, Sánchez, Ramírez, Flores,
  Gómez, Morales, Vázquez, Jiménez, Reyes, Díaz, Torres, Gutiérrez, Ruiz, Mendoza, Aguilar,
  Ortiz, Castillo, Moreno, Romero, Chávez, Rivera, Juárez, Ramos, Domínguez, Herrera, Medina,
  Castro, Vargas, Guzmán, Velázquez, Rojas, Contreras, Salazar, Luna, Ortega, Cervantes,
  Zúñiga, Villanueva, Ávila, Bautista, Espinoza, Trejo, Olvera, Ibarra, Quiroz
`);
const ENGLISH_SURNAMES = list(`
  Smith, Jones, Taylor, Brown, Williams, Wilson, Johnson, Davies, Robinson, Wright, Thompson,
  Evans, Walker, White, Roberts, Green, Hall, Wood, Jackson, Clarke, O'Brien, Murphy, Hughes,
  Edwards, Turner, Cooper, Hill, Ward, Morris, Moore, Clark, Lee, King, Baker, Harrison,
  Morgan, Patel, Whitaker, Fletcher, Spencer, Kennedy, Anderson, Mitchell, Campbell, Carter,
  Miller
`);

export interface NamePools {
  female: readonly string[];
  male: readonly string[];
  surnames: readonly string[];
  /** Spanish speakers carry two surnames (father's, mother's); English speakers one. */
  twoSurnames: boolean;
}

export const NAME_POOLS: Record<NameOrigin, NamePools> = {
  es: { female: SPANISH_FEMALE, male: SPANISH_MALE, surnames: SPANISH_SURNAMES, twoSurnames: true },
  mx: { female: MEXICAN_FEMALE, male: MEXICAN_MALE, surnames: MEXICAN_SURNAMES, twoSurnames: true },
  en: {
    female: ENGLISH_FEMALE,
    male: ENGLISH_MALE,
    surnames: ENGLISH_SURNAMES,
    twoSurnames: false,
  },
};
