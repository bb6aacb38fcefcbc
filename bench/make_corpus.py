"""Reproducible generator of synthetic English football news articles.

Meant for benchmarks and scale tests, not as a quality test: the articles have
the shape of real coverage (match reports with team sheets, completed
transfers, transfer rumours, sackings and appointments, previews, cup finals)
but every player, manager, chairman and referee is invented.  Clubs, stadiums
and competitions are real.

    python -m bench.make_corpus 2000 --seed 0 --out bench/corpus --format txt

Only ``random.Random(seed)`` drives the output, so the same N and seed give
byte-identical files.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

# --------------------------------------------------------------------------
# Data: clubs, competitions, venues
# --------------------------------------------------------------------------

# (name, short name used in team sheets, stadium, capacity, league)
CLUBS: tuple[tuple[str, str, str, int, str], ...] = (
    ("Arsenal", "Arsenal", "Emirates Stadium", 60704, "Premier League"),
    ("Aston Villa", "Aston Villa", "Villa Park", 42657, "Premier League"),
    ("AFC Bournemouth", "Bournemouth", "Vitality Stadium", 11307, "Premier League"),
    ("Brentford", "Brentford", "Gtech Community Stadium", 17250, "Premier League"),
    ("Brighton & Hove Albion", "Brighton", "Amex Stadium", 31876, "Premier League"),
    ("Burnley", "Burnley", "Turf Moor", 21944, "Premier League"),
    ("Chelsea", "Chelsea", "Stamford Bridge", 40343, "Premier League"),
    ("Crystal Palace", "Crystal Palace", "Selhurst Park", 25486, "Premier League"),
    ("Everton", "Everton", "Goodison Park", 39414, "Premier League"),
    ("Fulham", "Fulham", "Craven Cottage", 24500, "Premier League"),
    ("Liverpool", "Liverpool", "Anfield", 61276, "Premier League"),
    ("Luton Town", "Luton", "Kenilworth Road", 12000, "Premier League"),
    ("Manchester City", "Man City", "Etihad Stadium", 53400, "Premier League"),
    ("Manchester United", "Man Utd", "Old Trafford", 74310, "Premier League"),
    ("Newcastle United", "Newcastle", "St James' Park", 52305, "Premier League"),
    ("Nottingham Forest", "Nottm Forest", "City Ground", 30404, "Premier League"),
    ("Sheffield United", "Sheff Utd", "Bramall Lane", 32050, "Premier League"),
    ("Tottenham Hotspur", "Tottenham", "Tottenham Hotspur Stadium", 62850, "Premier League"),
    ("West Ham United", "West Ham", "London Stadium", 62500, "Premier League"),
    ("Wolverhampton Wanderers", "Wolves", "Molineux", 31750, "Premier League"),
    ("Leeds United", "Leeds", "Elland Road", 37792, "Championship"),
    ("Leicester City", "Leicester", "King Power Stadium", 32261, "Championship"),
    ("Southampton", "Southampton", "St Mary's Stadium", 32384, "Championship"),
    ("Ipswich Town", "Ipswich", "Portman Road", 29673, "Championship"),
    ("West Bromwich Albion", "West Brom", "The Hawthorns", 26688, "Championship"),
    ("Norwich City", "Norwich", "Carrow Road", 27359, "Championship"),
    ("Middlesbrough", "Middlesbrough", "Riverside Stadium", 34742, "Championship"),
    ("Sunderland", "Sunderland", "Stadium of Light", 49000, "Championship"),
    ("Coventry City", "Coventry", "Coventry Building Society Arena", 32609, "Championship"),
    ("Hull City", "Hull", "MKM Stadium", 25586, "Championship"),
    ("Watford", "Watford", "Vicarage Road", 22200, "Championship"),
    ("Bristol City", "Bristol City", "Ashton Gate", 27000, "Championship"),
    ("Stoke City", "Stoke", "bet365 Stadium", 30089, "Championship"),
    ("Cardiff City", "Cardiff", "Cardiff City Stadium", 33280, "Championship"),
    ("Swansea City", "Swansea", "Swansea.com Stadium", 21088, "Championship"),
    ("Sheffield Wednesday", "Sheff Wed", "Hillsborough", 39732, "Championship"),
    ("Celtic", "Celtic", "Celtic Park", 60411, "Scottish Premiership"),
    ("Rangers", "Rangers", "Ibrox Stadium", 50817, "Scottish Premiership"),
    ("Aberdeen", "Aberdeen", "Pittodrie Stadium", 20866, "Scottish Premiership"),
    ("Heart of Midlothian", "Hearts", "Tynecastle Park", 19852, "Scottish Premiership"),
    ("Hibernian", "Hibernian", "Easter Road", 20421, "Scottish Premiership"),
    ("Real Madrid", "Real Madrid", "Santiago Bernabeu", 83186, "La Liga"),
    ("Barcelona", "Barcelona", "Camp Nou", 99354, "La Liga"),
    ("Atletico Madrid", "Atletico", "Metropolitano Stadium", 70460, "La Liga"),
    ("Sevilla", "Sevilla", "Ramon Sanchez-Pizjuan Stadium", 43883, "La Liga"),
    ("Bayern Munich", "Bayern", "Allianz Arena", 75024, "Bundesliga"),
    ("Borussia Dortmund", "Dortmund", "Signal Iduna Park", 81365, "Bundesliga"),
    ("Bayer Leverkusen", "Leverkusen", "BayArena", 30210, "Bundesliga"),
    ("RB Leipzig", "RB Leipzig", "Red Bull Arena", 47069, "Bundesliga"),
    ("Juventus", "Juventus", "Allianz Stadium", 41507, "Serie A"),
    ("Inter Milan", "Inter", "San Siro", 75817, "Serie A"),
    ("AC Milan", "AC Milan", "San Siro", 75817, "Serie A"),
    ("Napoli", "Napoli", "Stadio Diego Armando Maradona", 54726, "Serie A"),
    ("Roma", "Roma", "Stadio Olimpico", 70634, "Serie A"),
    ("Paris Saint-Germain", "PSG", "Parc des Princes", 47929, "Ligue 1"),
    ("Marseille", "Marseille", "Stade Velodrome", 67394, "Ligue 1"),
    ("Ajax", "Ajax", "Johan Cruyff Arena", 55500, "Eredivisie"),
    ("PSV Eindhoven", "PSV", "Philips Stadion", 35000, "Eredivisie"),
    ("Benfica", "Benfica", "Estadio da Luz", 64642, "Primeira Liga"),
    ("Porto", "Porto", "Estadio do Dragao", 50033, "Primeira Liga"),
)

LEAGUE_COUNTRY: dict[str, str] = {
    "Premier League": "England",
    "Championship": "England",
    "Scottish Premiership": "Scotland",
    "La Liga": "Spain",
    "Bundesliga": "Germany",
    "Serie A": "Italy",
    "Ligue 1": "France",
    "Eredivisie": "Netherlands",
    "Primeira Liga": "Portugal",
}

DOMESTIC_CUPS: dict[str, tuple[str, ...]] = {
    "England": ("FA Cup", "League Cup", "Carabao Cup"),
    "Scotland": ("Scottish Cup", "Scottish League Cup"),
    "Spain": ("Copa del Rey",),
    "Germany": ("DFB-Pokal",),
    "Italy": ("Coppa Italia",),
    "France": ("Coupe de France",),
    "Netherlands": ("KNVB Cup",),
    "Portugal": ("Taca de Portugal",),
}

EUROPEAN_COMPETITIONS: tuple[str, ...] = ("Champions League", "Europa League")

FINAL_VENUES: dict[str, tuple[str, ...]] = {
    "FA Cup": ("Wembley Stadium",),
    "League Cup": ("Wembley Stadium",),
    "Carabao Cup": ("Wembley Stadium",),
    "Scottish Cup": ("Hampden Park",),
    "Scottish League Cup": ("Hampden Park",),
    "Copa del Rey": ("Estadio de La Cartuja",),
    "DFB-Pokal": ("Olympiastadion",),
    "Coppa Italia": ("Stadio Olimpico",),
    "Coupe de France": ("Stade de France",),
    "KNVB Cup": ("De Kuip",),
    "Taca de Portugal": ("Estadio Nacional",),
    "Champions League": ("Wembley Stadium", "Allianz Arena", "Stade de France",
                         "Estadio Metropolitano", "Atatürk Olympic Stadium"),
    "Europa League": ("Aviva Stadium", "Puskás Aréna", "Estadio de La Cartuja",
                      "Stadion Energa Gdańsk"),
}

BROADCASTERS: tuple[str, ...] = ("Sky Sports", "TNT Sports", "BBC One", "Amazon Prime Video", "ITV")
OUTLETS: tuple[str, ...] = ("BBC Sport", "Sky Sports", "reporters", "Match of the Day", "TNT Sports",
                            "talkSPORT", "the club's website", "BBC Radio 5 Live")
REFEREE_COUNTIES: tuple[str, ...] = (
    "Kent", "Lancashire", "West Midlands", "Merseyside", "Surrey", "Hampshire", "Northumberland",
    "Gloucestershire", "Cheshire", "Essex", "Devon", "Norfolk", "South Yorkshire", "Greater Manchester",
    "Lincolnshire", "Bedfordshire", "Durham", "Cornwall", "Sussex", "Hertfordshire",
)
WEEKDAYS: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July", "August",
                           "September", "October", "November", "December")
NUMBER_WORDS: tuple[str, ...] = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                 "nine", "ten")
FIRST_DAY = date(2019, 8, 1)
LAST_DAY = date(2025, 5, 31)

# --------------------------------------------------------------------------
# Data: invented people
# --------------------------------------------------------------------------

FIRST_NAMES: dict[str, tuple[str, ...]] = {
    "english": (
        "Harry", "Jack", "James", "Oliver", "George", "Charlie", "Thomas", "Joe", "Jordan", "Kyle",
        "Ryan", "Luke", "Mason", "Callum", "Connor", "Jake", "Ben", "Sam", "Lewis", "Jamie", "Danny",
        "Marcus", "Jarrod", "Reece", "Aaron", "Tom", "Adam", "Liam", "Dominic", "Ollie", "Alfie",
        "Archie", "Freddie", "Tyrone", "Phil", "Ashley", "Kieran", "Nathan", "Ethan", "Dean", "Wes",
        "Curtis", "Elliot", "Bradley", "Josh", "Matty", "Rhys", "Gareth", "Toby", "Ross",
    ),
    "irish": (
        "Seamus", "Ciarán", "Cian", "Darragh", "Eoin", "Oisín", "Pádraig", "Conor", "Niall", "Ronan",
        "Fionn", "Dara", "Colm", "Diarmuid", "Tadhg", "Aidan", "Kevin", "Seán", "Cathal", "Rory",
        "Brendan", "Eamon", "Killian", "Ruairí", "Donal", "Fergal", "Odhrán", "Lorcan", "Caoimhín", "Enda",
    ),
    "spanish": (
        "Alejandro", "Álvaro", "Sergio", "Pablo", "Javier", "Diego", "Marcos", "Iker", "Unai", "Jorge",
        "Rubén", "Adrián", "Raúl", "Íñigo", "Mikel", "Gonzalo", "Carlos", "Andrés", "Héctor", "Mateo",
        "Nicolás", "Santiago", "Joaquín", "Rodrigo", "Hugo", "Borja", "Aitor", "Dani", "Óscar",
        "Emiliano", "Facundo", "Agustín", "Ignacio", "Tomás", "Julián",
    ),
    "portuguese": (
        "João", "Pedro", "Rui", "Nuno", "Tiago", "Gonçalo", "Diogo", "Rafael", "André", "Ricardo",
        "Miguel", "Luís", "Vítor", "Hélder", "Fábio", "Renato", "Vasco", "Duarte", "Simão", "Joaquim",
        "Francisco", "Henrique", "Martim", "Tomás", "Afonso", "Salvador",
    ),
    "french": (
        "Antoine", "Hugo", "Lucas", "Théo", "Olivier", "Benjamin", "Raphaël", "Adrien", "Mathis",
        "Maxime", "Clément", "Jules", "Baptiste", "Florian", "Corentin", "Romain", "Thibault",
        "Alexandre", "Étienne", "Julien", "Yannick", "Aurélien", "Quentin", "Mathéo", "Enzo", "Loïc",
        "Rémi", "Gaëtan", "Cédric", "Yoann", "Valentin", "Bastien", "Jérémy",
    ),
    "german": (
        "Lukas", "Jonas", "Leon", "Felix", "Maximilian", "Niklas", "Tobias", "Florian", "Sebastian",
        "Julian", "Timo", "Kai", "Moritz", "Jannik", "Dominik", "Matthias", "Philipp", "Marvin",
        "Benedikt", "Fabian", "Tim", "Jan", "Lars", "Nico", "Malte", "Till", "Jakob", "Elias", "Henrik",
        "Konstantin",
    ),
    "dutch": (
        "Daan", "Sem", "Bram", "Thijs", "Jesse", "Lars", "Ruben", "Stijn", "Jasper", "Sven", "Joep",
        "Koen", "Teun", "Milan", "Gijs", "Luuk", "Niels", "Wouter", "Joris", "Maarten", "Sander",
        "Pieter", "Rik", "Floris", "Bas", "Dirk", "Hidde", "Jurriën", "Cas",
    ),
    "scandinavian": (
        "Magnus", "Sindre", "Eirik", "Håkon", "Sigurd", "Øystein", "Ørjan", "Bjørn", "Jørgen", "Sondre",
        "Tobias", "Mathias", "Kasper", "Rasmus", "Mikkel", "Anders", "Frederik", "Emil", "Oskar",
        "Viktor", "Axel", "Gustav", "Linus", "Hampus", "Joakim", "Åsmund", "Kristoffer", "Torbjørn",
        "Søren", "Jesper", "Nils", "Leif", "Arne", "Espen",
    ),
    "west_african": (
        "Kwame", "Kofi", "Yaw", "Kwabena", "Kojo", "Emmanuel", "Samuel", "Victor", "Chukwuemeka",
        "Oluwaseun", "Ademola", "Babajide", "Chidi", "Obinna", "Ikechukwu", "Tunde", "Femi", "Ismaïla",
        "Mamadou", "Cheikh", "Moussa", "Ibrahima", "Abdoulaye", "Serge", "Yves", "Seydou", "Boubacar",
        "Lamine", "Ousmane", "Alassane", "Amadou", "Babacar", "Souleymane", "Idrissa", "Youssouf",
        "Modibo", "Bakary", "Nnamdi", "Uche",
    ),
    "brazilian": (
        "Gabriel", "Lucas", "Matheus", "Thiago", "Felipe", "Gustavo", "Leonardo", "Guilherme", "Caio",
        "Renan", "Douglas", "Everton", "Wesley", "Igor", "Danilo", "Marcelo", "Roberto", "Rafael",
        "Anderson", "Willian", "Emerson", "Paulo", "Júlio", "Marcos", "Juninho", "Luan", "Vitor",
        "Murilo", "Gilberto", "Cássio", "Edson", "Kaio", "Wanderson",
    ),
    "eastern_european": (
        "Jakub", "Kamil", "Piotr", "Mateusz", "Krzysztof", "Łukasz", "Bartosz", "Michał", "Wojciech",
        "Tomasz", "Ivan", "Marko", "Nikola", "Dušan", "Aleksandar", "Stefan", "Milan", "Filip", "Petr",
        "Tomáš", "Ondřej", "Vojtěch", "Andriy", "Oleksandr", "Mykola", "Vitaliy", "Dmytro", "Bogdan",
        "Dragan", "Mihai", "Radu", "Vlad", "Andrei", "Josip", "Ante", "Mislav", "Ognjen",
    ),
    "italian": (
        "Lorenzo", "Alessandro", "Matteo", "Francesco", "Leonardo", "Federico", "Davide", "Simone",
        "Riccardo", "Andrea", "Giacomo", "Nicolò", "Filippo", "Gianluca", "Stefano", "Marco", "Luca",
        "Giorgio", "Tommaso", "Edoardo", "Emanuele", "Pietro", "Daniele", "Raffaele", "Salvatore",
        "Vincenzo", "Manuel", "Gabriele", "Cristian", "Fabio",
    ),
}

SURNAMES: dict[str, tuple[str, ...]] = {
    "english": (
        "Mills", "Wright", "Cole", "Fowler", "Carroll", "Bennett", "Weaver", "Ward", "Lamb", "Foster",
        "Taylor", "Hughes", "Morris", "Palmer", "Cooper", "Fletcher", "Webster", "Barnes", "Dawson",
        "Gibbs", "Holt", "Hurst", "Jenkins", "Knight", "Lowe", "Marsh", "Noble", "Parker", "Read",
        "Simpson", "Thornton", "Turner", "Vaughan", "Wilkinson", "Yates", "Bowen", "Ashworth",
        "Blackwood", "Chambers", "Crossley", "Denton", "Eastwood", "Finch", "Garner", "Hadley",
        "Ingram", "Kettle", "Langford", "Merriman", "Oakley", "Pritchard", "Radcliffe", "Sheldon",
        "Thwaites", "Underwood", "Whitfield", "Abbott", "Birch", "Calvert", "Fenwick", "Goodall",
        "Holloway", "Lockwood", "Moorcroft", "Pennington", "Rowntree", "Stannard", "Tomlinson",
        "Wardle", "Appleby", "Brierley", "Catterall", "Dunmore", "Hebden", "Kershaw", "Ormerod",
    ),
    "irish": (
        "Ó Súilleabháin", "Ó Briain", "Ó Néill", "Ó Ceallaigh", "Ó Dónaill", "McCarthy", "McGrath",
        "McLoughlin", "McNamara", "McEvoy", "McGuinness", "MacAuley", "McAteer", "O'Donnell",
        "O'Shea", "O'Dowd", "O'Connell", "O'Riordan", "Byrne", "Dunne", "Kavanagh", "Brennan", "Doyle",
        "Fitzgerald", "Gallagher", "Hennessy", "Kinsella", "Lynch", "Moloney", "Nolan", "Quinlan",
        "Regan", "Sheridan", "Tierney", "Whelan", "Daly", "Egan", "Foley", "Hegarty", "Mulcahy",
    ),
    "spanish": (
        "García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez",
        "Gómez", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero",
        "Navarro", "Domínguez", "Vázquez", "Gil", "Serrano", "Blanco", "Molina", "Morales", "Ortega",
        "Delgado", "Castro", "Ortiz", "Rubio", "Marín", "Sanz", "Iglesias", "Medina", "Garrido",
        "Cortés", "Castillo", "Lozano", "Guerrero", "Cano", "Prieto", "Méndez", "Calvo", "Gallego",
        "León", "Herrera", "Márquez", "Peña", "Cabrera", "Campos", "Vega", "Fuentes", "Carrasco",
        "Aguirre", "Echeverría", "Etxeberria", "Arrieta", "Urrutia",
    ),
    "portuguese": (
        "Ferreira", "Pereira", "Costa", "Oliveira", "Rodrigues", "Martins", "Sousa", "Gomes", "Lopes",
        "Marques", "Alves", "Almeida", "Ribeiro", "Pinto", "Carvalho", "Teixeira", "Moreira",
        "Correia", "Mendes", "Nunes", "Soares", "Vieira", "Monteiro", "Cardoso", "Rocha", "Coelho",
        "Cunha", "Pires", "Fonseca", "Magalhães", "Antunes", "Tavares", "Figueiredo", "Azevedo",
        "Baptista", "Brandão", "Gaspar", "Valente", "Esteves", "Loureiro",
    ),
    "french": (
        "Dubois", "Lefebvre", "Moreau", "Laurent", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine",
        "Rousseau", "Vincent", "Lefèvre", "Faure", "Mercier", "Guérin", "Boyer", "Garnier",
        "Chevalier", "François", "Legrand", "Gauthier", "Perrin", "Robin", "Morin", "Roussel",
        "Mathieu", "Masson", "Marchand", "Duval", "Lemaire", "Dufour", "Meunier", "Brun",
        "Blanchard", "Joly", "Rivière", "Brunet", "Gaillard", "Barbier", "Arnaud", "Martel", "Rolland",
        "Leroux", "Colin", "Deschamps-Roux",
    ),
    "german": (
        "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer",
        "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
        "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Krause", "Lehmann", "Köhler",
        "Herrmann", "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Lang", "Scholz",
        "Möller", "Weiß", "Jung", "Hahn", "Vogel", "Friedrich", "Keller", "Günther", "Berger",
        "Winkler", "Roth", "Lorenz", "Baumann", "Franke", "Albrecht", "Böhm", "Jäger", "Groß", "Haas",
    ),
    "dutch": (
        "de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Janssen", "Visser", "Smit", "Meijer",
        "Mulder", "de Groot", "Bos", "Vos", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit",
        "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "de Haan",
        "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "van der Heijden",
        "Schouten", "Beekman", "Kuipers", "Willems", "van Vliet", "Prins", "Huisman", "Koster",
        "Verhoeven", "Kramer", "van Wijk", "Veenstra", "Timmermans", "Hoekstra",
    ),
    "scandinavian": (
        "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
        "Karlsen", "Johnsen", "Pettersen", "Berg", "Haugen", "Hagen", "Johannessen", "Andreassen",
        "Dahl", "Jørgensen", "Halvorsen", "Henriksen", "Lund", "Sørensen", "Jakobsen", "Moen",
        "Gundersen", "Iversen", "Strand", "Solberg", "Knutsen", "Bakke", "Sæther", "Østby", "Løvås",
        "Nygård", "Aasen", "Fjørtoft", "Brække", "Lindqvist", "Svensson", "Lindberg", "Bergström",
        "Åberg", "Sjöberg", "Nyström", "Lindgren", "Ekström", "Dahlberg", "Sandström", "Møller",
        "Thygesen", "Skov", "Frandsen", "Mortensen", "Vestergaard", "Poulsen",
    ),
    "west_african": (
        "Mensah", "Owusu", "Boateng", "Asante", "Appiah", "Osei", "Amankwah", "Agyeman", "Adjei",
        "Ofori", "Okafor", "Okonkwo", "Adeyemi", "Adebayo", "Olawale", "Balogun", "Nwosu", "Eze",
        "Chukwu", "Obi", "Nwachukwu", "Diallo", "Diop", "Ndiaye", "Sow", "Cissé", "Traoré", "Koné",
        "Coulibaly", "Camara", "Sylla", "Sarr", "Fofana", "Keita", "Konaté", "Bamba", "Diarra",
        "Sangaré", "Doumbia", "Kouyaté", "Gueye", "Mbaye", "Faye", "Seck", "Niang", "Sissoko",
        "Yeboah", "Akinola", "Ogunleye",
    ),
    "brazilian": (
        "Silva", "Santos", "Souza", "Lima", "Carvalho", "Ferreira", "Almeida", "Gomes", "Ribeiro",
        "Araújo", "Barbosa", "Rocha", "Nascimento", "Moura", "Cavalcanti", "Freitas", "Barros",
        "Cardoso", "Batista", "Mendonça", "Pinheiro", "Rezende", "Macedo", "Andrade", "Campos",
        "Moraes", "Peixoto", "Vasconcelos", "Brito", "Leite", "Siqueira", "da Silva", "dos Santos",
        "de Souza", "Conceição",
    ),
    "eastern_european": (
        "Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Szymański", "Woźniak",
        "Dąbrowski", "Kozłowski", "Jankowski", "Mazur", "Krawczyk", "Piotrowski", "Grabowski",
        "Pawlak", "Michalski", "Horvat", "Kovačević", "Babić", "Marić", "Jurić", "Petrović",
        "Jovanović", "Nikolić", "Marković", "Đorđević", "Stojanović", "Ilić", "Popović", "Pavlović",
        "Dvořák", "Černý", "Procházka", "Kučera", "Veselý", "Horák", "Němec", "Pokorný", "Kovalenko",
        "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boyko", "Lysenko", "Popescu", "Ionescu",
        "Dumitru",
    ),
    "italian": (
        "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino",
        "Greco", "Bruno", "Gallo", "De Luca", "Mancini", "Giordano", "Rizzo", "Lombardi", "Moretti",
        "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli",
        "Martini", "Leone", "Longo", "Gentile", "Martinelli", "Vitale", "Serra", "Coppola",
        "De Santis", "D'Angelo", "Marchetti", "Parisi", "Ferraro", "Fabbri", "Marini", "Grasso",
        "Valentini", "Messina", "De Rosa", "Palumbo", "Sanna", "Farina", "Cattaneo", "Morelli",
    ),
}

# Name pools whose surnames are sometimes double-barrelled ("Cole-Fenwick").
HYPHENATING_GROUPS: tuple[str, ...] = ("english", "irish")

NATIONALITIES: dict[str, tuple[str, ...]] = {
    "english": ("English", "English", "Welsh"),
    "irish": ("Irish", "Northern Irish", "Scottish"),
    "spanish": ("Spanish", "Spanish", "Argentine", "Uruguayan", "Colombian"),
    "portuguese": ("Portuguese",),
    "french": ("French", "French", "Belgian", "Swiss"),
    "german": ("German", "German", "Austrian"),
    "dutch": ("Dutch",),
    "scandinavian": ("Norwegian", "Danish", "Swedish"),
    "west_african": ("Nigerian", "Ghanaian", "Senegalese", "Ivorian", "Malian", "Cameroonian"),
    "brazilian": ("Brazilian",),
    "eastern_european": ("Polish", "Serbian", "Croatian", "Czech", "Ukrainian", "Romanian"),
    "italian": ("Italian",),
}

COUNTRY_OF: dict[str, str] = {
    "English": "England", "Welsh": "Wales", "Irish": "the Republic of Ireland",
    "Northern Irish": "Northern Ireland", "Scottish": "Scotland", "Spanish": "Spain",
    "Argentine": "Argentina", "Uruguayan": "Uruguay", "Colombian": "Colombia",
    "Portuguese": "Portugal", "French": "France", "Belgian": "Belgium", "Swiss": "Switzerland",
    "German": "Germany", "Austrian": "Austria", "Dutch": "the Netherlands", "Norwegian": "Norway",
    "Danish": "Denmark", "Swedish": "Sweden", "Nigerian": "Nigeria", "Ghanaian": "Ghana",
    "Senegalese": "Senegal", "Ivorian": "Ivory Coast", "Malian": "Mali", "Cameroonian": "Cameroon",
    "Brazilian": "Brazil", "Polish": "Poland", "Serbian": "Serbia", "Croatian": "Croatia",
    "Czech": "the Czech Republic", "Ukrainian": "Ukraine", "Romanian": "Romania", "Italian": "Italy",
}

TOURNAMENT_OF: dict[str, str] = {
    "west_african": "Africa Cup of Nations",
    "brazilian": "Copa América",
    "spanish": "Copa América",
}

# Share of each name pool in a squad, by the club's country.
NATIONALITY_MIX: dict[str, dict[str, int]] = {
    "England": {"english": 40, "irish": 10, "french": 7, "spanish": 5, "portuguese": 5, "german": 4,
                "dutch": 5, "scandinavian": 6, "west_african": 8, "brazilian": 6,
                "eastern_european": 4, "italian": 2},
    "Scotland": {"english": 30, "irish": 30, "scandinavian": 10, "dutch": 5, "west_african": 8,
                 "eastern_european": 7, "french": 5, "german": 5},
    "Spain": {"spanish": 55, "french": 8, "portuguese": 8, "brazilian": 10, "west_african": 7,
              "dutch": 4, "german": 4, "eastern_european": 4},
    "Germany": {"german": 50, "dutch": 8, "scandinavian": 8, "french": 8, "eastern_european": 10,
                "west_african": 8, "spanish": 4, "brazilian": 4},
    "Italy": {"italian": 50, "spanish": 8, "brazilian": 10, "french": 8, "eastern_european": 10,
              "west_african": 8, "portuguese": 6},
    "France": {"french": 55, "west_african": 20, "spanish": 5, "portuguese": 5, "brazilian": 7,
               "eastern_european": 4, "german": 4},
    "Netherlands": {"dutch": 55, "scandinavian": 10, "west_african": 10, "german": 8,
                    "eastern_european": 7, "brazilian": 5, "spanish": 5},
    "Portugal": {"portuguese": 50, "brazilian": 25, "spanish": 10, "west_african": 10, "french": 5},
}

# Squad make-up: 25 players by role.
SQUAD_ROLES: tuple[str, ...] = (
    ("goalkeeper",) * 3 + ("centre-back",) * 4 + ("right-back",) * 2 + ("left-back",) * 2
    + ("defensive midfielder",) * 2 + ("midfielder",) * 4 + ("winger",) * 4 + ("striker",) * 4
)
XI_SHAPE: tuple[str, ...] = ("goalkeeper", "right-back", "centre-back", "centre-back", "left-back",
                             "defensive midfielder", "midfielder", "midfielder", "winger", "winger",
                             "striker")
DEFENSIVE_ROLES: tuple[str, ...] = ("centre-back", "right-back", "left-back")
ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "goalkeeper": ("goalkeeper", "keeper", "goalkeeper"),
    "centre-back": ("defender", "centre-back", "centre-half"),
    "right-back": ("defender", "right-back", "full-back"),
    "left-back": ("defender", "left-back", "full-back"),
    "defensive midfielder": ("midfielder", "holding midfielder"),
    "midfielder": ("midfielder", "playmaker", "midfielder"),
    "winger": ("winger", "forward"),
    "striker": ("striker", "forward", "centre-forward"),
}
SCORING_WEIGHT: dict[str, float] = {
    "centre-back": 1.0, "right-back": 0.6, "left-back": 0.6, "defensive midfielder": 0.8,
    "midfielder": 2.0, "winger": 3.0, "striker": 5.0,
}
GOAL_WEIGHTS: tuple[int, ...] = (26, 33, 23, 11, 5, 2)

# Article kinds and their share of the corpus.
KIND_WEIGHTS: dict[str, int] = {
    "match_report": 32, "transfer": 14, "rumour": 14, "manager": 10, "preview": 18, "cup_final": 12,
}

# --------------------------------------------------------------------------
# Sentence templates
#
# Placeholders are resolved by ``_Writer``: ``{x}`` names a person on first
# mention with a role cue ("defender X", "Everton's X", "boss X") and by
# surname afterwards; ``{S_x}`` may also use an appositive ("X, the Everton
# captain,"); ``{P_x}`` is the possessive; ``{x_sur}``, ``{x_full}``,
# ``{x_age}``, ``{x_nat}``, ``{x_pos}`` and ``{x_country}`` give one attribute.
# --------------------------------------------------------------------------

ADJ_WIN = ("comfortable", "hard-fought", "deserved", "battling", "convincing", "narrow", "dramatic",
           "gritty", "polished", "thrilling")
MATCH_ADJ = ("lively", "tense", "scrappy", "pulsating", "bad-tempered", "feisty", "cagey",
             "spirited", "frantic", "largely forgettable")
GOAL_ADJ = ("superb", "scrappy", "stunning", "well-worked", "fortunate", "clinical", "fine")
WEATHER = ("steady drizzle", "swirling wind", "bitter cold", "heavy rain", "late autumn sunshine",
           "stifling heat", "biting wind")
ATMOSPHERE = ("electric", "tense", "raucous", "subdued", "feverish", "expectant")
INJURIES = ("a hamstring injury", "a knee problem", "an ankle injury", "a calf strain", "a groin problem",
            "concussion", "a back complaint", "a broken foot", "a thigh strain", "a shoulder injury")

MOVEMENT: dict[str, tuple[str, ...]] = {
    "league": ("up to fourth in the {competition}", "three points clear at the top of the {competition}",
               "out of the relegation zone", "level on points with the leaders",
               "within two points of the top four", "into the top half"),
    "cup": ("into the next round of the {competition}", "into the {competition} quarter-finals",
            "into the last 16 of the {competition}"),
    "europe": ("a step closer to the {competition} knockout stage", "into the {competition} last 16",
               "to the top of their {competition} group"),
}
WINNER_STATE: dict[str, tuple[str, ...]] = {
    "league": ("move up to fourth", "are now unbeaten in six league games",
               "climb to within two points of the leaders", "record a third straight win"),
    "cup": ("are through to the next round", "keep their hopes of a trip to Wembley alive",
            "will find out their next opponents on {kday}"),
    "europe": ("take a big step towards the knockout stage", "take a healthy lead into the second leg"),
}
LOSER_STATE: dict[str, tuple[str, ...]] = {
    "league": ("in 14th place", "just three points above the relegation zone",
               "without a win in four league games", "eight points off the top four"),
    "cup": ("out of the competition", "to concentrate on the league"),
    "europe": ("facing an uphill battle in the second leg", "needing a win in their final group game"),
}
DEFEAT_STATE: dict[str, tuple[str, ...]] = {
    "league": LOSER_STATE["league"],
    "cup": ("out of the competition", "facing an early exit"),
    "europe": ("with work to do in the second leg", "facing an early exit"),
}
DRAW_STATE = ("level on points", "searching for a first win in three matches", "in mid-table",
              "with plenty to work on before the next round of fixtures")

# Goal narration: (past tense, participle) finishes.
FINISHES: tuple[tuple[str, str], ...] = (
    ("fired low past {keeper}", "firing low past {keeper}"),
    ("headed in {P_provider} corner", "heading in {P_provider} corner"),
    ("curled a superb effort into the top corner", "curling a superb effort into the top corner"),
    ("tapped in at the far post from {P_provider} cross", "tapping in at the far post from {P_provider} cross"),
    ("finished coolly after being played through by {provider}",
     "finishing coolly after being played through by {provider}"),
    ("drilled a shot in off the post", "drilling a shot in off the post"),
    ("lashed home a loose ball after {keeper} could only parry",
     "lashing home a loose ball after {keeper} could only parry"),
    ("rifled in from 25 yards", "rifling in from 25 yards"),
    ("nodded home from close range", "nodding home from close range"),
    ("swept in {P_provider} low centre", "sweeping in {P_provider} low centre"),
    ("lobbed {keeper} from the edge of the area", "lobbing {keeper} from the edge of the area"),
    ("volleyed in after {provider} had nodded the ball down",
     "volleying in after {provider} had nodded the ball down"),
    ("bundled the ball over the line from a corner", "bundling the ball over the line from a corner"),
    ("slotted in after a neat one-two with {provider}", "slotting in after a neat one-two with {provider}"),
    ("chipped a delicate finish over {keeper}", "chipping a delicate finish over {keeper}"),
    ("steered a header beyond {keeper}", "steering a header beyond {keeper}"),
)
PENALTY_FINISHES: tuple[tuple[str, str], ...] = (
    ("converted from the spot after {provider} was fouled by {opp_player}",
     "converting from the spot after {provider} was fouled by {opp_player}"),
    ("sent {keeper} the wrong way from 12 yards", "sending {keeper} the wrong way from 12 yards"),
    ("smashed home a penalty after a handball by {opp_player}",
     "smashing home a penalty after a handball by {opp_player}"),
    ("scored from the spot after a VAR review", "scoring from the spot after a VAR review"),
)
GOAL_STATES: dict[str, tuple[str, ...]] = {
    "opener": ("went ahead", "took the lead", "opened the scoring", "struck first"),
    "equaliser": ("drew level", "levelled", "were back on terms"),
    "lead": ("went back in front", "regained the lead", "edged ahead again"),
    "extend": ("extended their lead", "increased their advantage", "tightened their grip"),
    "pullback": ("pulled one back", "reduced the deficit", "gave themselves hope"),
}
GOAL_SENTENCES = (
    "{team} {state} in the {min_ord} minute when {scorer} {finish}.",
    "{S_scorer} {finish} on {minute} minutes as {team} {state}.",
    "{team} {state} in the {min_ord} minute, {scorer} {finish_ing}.",
    "It was {score_now} on {minute} minutes when {scorer} {finish}.",
    "{S_scorer} made it {score_now} in the {min_ord} minute, {finish_ing}.",
    "{team} {state} {minute} minutes in through {scorer}, who {finish}.",
    "A {goal_adj} {min_ord}-minute goal from {scorer} meant {team} {state}.",
    "{S_scorer} {finish} in the {min_ord} minute and {team} {state}.",
)
OWN_GOAL_SENTENCES = (
    "{team} {state} in the {min_ord} minute when {S_scorer} turned {cross_src} into his own net.",
    "{S_scorer} put through his own goal on {minute} minutes as {team} {state}.",
    "An own goal from {scorer} in the {min_ord} minute meant {team} {state}.",
)
CROSS_SOURCES = ("a low cross", "a deflected shot", "a corner", "{P_provider} cross", "a free-kick")

WIN_LEDES_WITH_SCORER = (
    "{S_wscorer} {wtally} as {winner} beat {loser} {ws}-{ls} at {venue} in the {competition}.",
    "{loser} slipped to a {ws}-{ls} defeat against {winner} at {venue}, with {wscorer} {wtally_ing}.",
    "{S_wscorer} {wtally} to give {winner} a {adj_win} {ws}-{ls} {competition} win over {loser}.",
    "{winner} beat {loser} {ws}-{ls} on {kday} as {wscorer} {wtally} at {venue}.",
)
WIN_LEDES = (
    "{winner} moved {movement} with a {adj_win} {ws}-{ls} victory over {loser} at {venue}.",
    "{winner} beat {loser} {ws}-{ls} in a {match_adj} {competition} encounter at {venue} on {kday}.",
    "A {adj_win} {ws}-{ls} win at {venue} sent {winner} {movement}.",
    "{loser} were beaten {ws}-{ls} by {winner} in a {match_adj} {competition} meeting at {venue}.",
)
DRAW_LEDES = (
    "{home} and {away} shared the points after a {match_adj} {hg}-{ag} draw at {venue}.",
    "Honours were even at {venue} as {home} were held to a {hg}-{ag} draw by {away} in the {competition}.",
    "{away} came away from {venue} with a point after a {match_adj} {hg}-{ag} draw with {home}.",
    "{home} and {away} could not be separated on {kday}, drawing {hg}-{ag} at {venue}.",
)
GOALLESS_LEDES = (
    "{home} and {away} played out a goalless draw at {venue} in the {competition}.",
    "There was little to separate {home} and {away} in a {match_adj} goalless draw at {venue}.",
    "{S_hk} and {ak} both kept clean sheets as {home} and {away} drew 0-0 at {venue}.",
)
MATCH_TITLES_WIN = (
    "{winner} {ws}-{ls} {loser}",
    "{winner} see off {loser} at {venue}",
    "{loser} beaten by {winner} in {competition}",
    "{winner} too strong for {loser}",
    "{winner} earn {adj_win} win over {loser}",
)
MATCH_TITLES_SCORER = (
    "{wscorer_sur} strikes as {winner} beat {loser}",
    "{wscorer_sur} the hero for {winner} against {loser}",
    "{wscorer_sur} inspires {winner} to victory",
)
MATCH_TITLES_DRAW = (
    "{home} {hg}-{ag} {away}",
    "{home} held by {away}",
    "Honours even between {home} and {away}",
    "{away} claim point at {venue}",
)
MATCH_PAD = (
    "{home} started brightly and {hp} forced an early save from {ak}.",
    "{away} had the better of the opening exchanges, with {ap} seeing a shot deflected wide.",
    "{S_ap} was booked for a late challenge on {hp} shortly before half-time.",
    "{S_hp} went close with a header that flashed just over the bar.",
    "{S_ak} was the busier of the two goalkeepers and made a smart stop to keep out {hp}.",
    "{S_hk} did well to tip a curling effort from {ap} around the post.",
    "The second half was a scrappier affair, with both sides struggling to string passes together in "
    "the {weather}.",
    "{S_hm} made a double change on the hour in an attempt to shift the momentum.",
    "{S_am} was animated on the touchline throughout, urging his players forward.",
    "There was a lengthy VAR check for a possible penalty after {ap} went down under a challenge from "
    "{hp}, but play was allowed to continue.",
    "{S_hp} was forced off late on with what looked like a hamstring problem.",
    "The atmosphere at {venue} was {atmos} from the first whistle.",
    "{away} almost snatched a goal out of nothing when {ap} hit the crossbar from the edge of the area.",
    "Both sides made changes from their previous outing, with {hp} returning to the {home} starting "
    "line-up.",
    "A crowd of {att} watched on as {home} pressed for much of the second half.",
    "{S_ap} was a constant threat down the left and caused {home} problems all afternoon.",
    "{home} appealed for a penalty when the ball struck {ap} on the arm, but referee {ref} waved away "
    "the protests.",
    "Neither goalkeeper was seriously tested in a cagey opening half hour.",
    "{S_ap} showed neat footwork to beat two men but could not find a team-mate in the box.",
    "{S_hp} and {hp} both had efforts blocked in a frantic spell before the interval.",
)
WIN_PAD = (
    "The result leaves {loser} {loser_state}, while {winner} {winner_state}.",
    "{winner} have now won {k} of their last {m} matches in all competitions.",
    "{loser} have won only {k_small} of their last {m} games and the pressure is growing.",
)
DRAW_PAD = (
    "The point leaves both sides {draw_state}.",
    "It is the {nth} draw in {m} matches for {home}, who have found it hard to turn dominance into goals.",
)
WIN_QUOTES = (
    "I thought we were excellent from start to finish.",
    "The players deserve huge credit for the way they stuck to the plan.",
    "{mpl_sur} was outstanding today and that is the standard we expect from him.",
    "We knew {opp_club} would make it difficult for us, so to come away with the win is very pleasing.",
    "It wasn't always pretty but we found a way to win, and that is what good teams do.",
    "We spoke before the game about being brave on the ball and the lads did exactly that.",
    "There are still things we need to improve, but I'm delighted with the reaction.",
    "The supporters were incredible and they helped drag us over the line.",
    "We have a big week ahead of us and this result gives everyone confidence.",
    "You could see the hunger in the group, and the goals were a reward for our pressing.",
    "I'm really pleased for {mpl_sur}, he has worked so hard in training.",
    "Credit to {opp_club}, they made it a proper game, but we managed the key moments better.",
    "We were clinical in both boxes and that decided the game.",
    "Nobody gave us much of a chance this week, so this one feels special.",
)
LOSE_QUOTES = (
    "We didn't do enough in either box and we have been punished.",
    "I'm disappointed, because the first half was nowhere near our level.",
    "We gave away cheap goals and at this level you cannot do that.",
    "The effort was there but the quality in the final third was missing.",
    "We have to take responsibility, starting with me.",
    "I thought the referee had a difficult afternoon, but that is not why we lost.",
    "{mpl_sur} had a good chance to change the game and on another day it goes in.",
    "We need to regroup quickly because there is a big game coming up.",
    "Credit to {opp_club}, they were sharper than us in the key moments.",
    "There is no hiding from it, today was not good enough.",
    "We started well but after the goal we lost our structure.",
    "We will stick together and work our way out of this.",
    "It hurts, and it should hurt, but we will learn from it.",
)
DRAW_QUOTES = (
    "It's a fair result, I think both teams had periods when they were on top.",
    "We'll take the point, although we had chances to win it.",
    "I'm frustrated because we should have killed the game off.",
    "The players showed great character to stay in the game.",
    "On the balance of play a draw is probably about right.",
    "{mpl_sur} was excellent and could easily have won it for us.",
    "It's a point against a good side and we move on.",
    "We lacked a bit of quality in the final pass today.",
    "There was not much between the teams, and neither of us deserved to lose.",
    "It feels like two points dropped but we have to stay positive.",
    "We defended well as a unit and created a couple of good openings.",
)
FINAL_WIN_QUOTES = (
    "This is what you dream about as a kid, winning a final at a stadium like this.",
    "I'm so proud of this group, they have given everything all season.",
    "This one is for the supporters, they have waited a long time for a day like this.",
    "{mpl_sur} was immense today, but every single player deserves this.",
    "Finals are about moments and we took ours.",
    "We'll enjoy tonight and then we go again, because this group wants more.",
)
QUOTE_FRAMES = (
    '{S_spk} said: "{quote}"',
    '"{quote_c}" {spk} said.',
    '{S_spk} told {outlet}: "{quote}"',
    '"{quote_c}" said {spk}.',
    '{S_spk} admitted: "{quote}"',
    'Speaking to {outlet}, {spk} said: "{quote}"',
)
MATCH_QUOTE_FRAMES = QUOTE_FRAMES + (
    'Speaking to {outlet} afterwards, {spk} said: "{quote}"',
    'Afterwards, {spk} said: "{quote}"',
    '{S_spk} told {outlet} after the game: "{quote}"',
)
TEAM_SHEET_INTROS = ("Teams:", "Line-ups:")

PREVIEW_TITLES = (
    "{home} v {away}: team news, kick-off time and prediction",
    "Preview: {home} v {away}",
    "{hm_sur} wary of {away} threat ahead of {competition} clash",
    "{away} travel to {venue} looking to build on recent form",
    "{hinj_sur} a doubt as {home} prepare for {away}",
    "{am_sur} calls for focus before {home} trip",
    "Big test for {home} as {away} come to {venue}",
    "{competition}: {home} and {away} meet at {venue}",
)
PREVIEW_LEDES = (
    "{home} host {away} at {venue} on {kday} in the {competition}, with kick-off at {ko}.",
    "{away} make the trip to {venue} on {kday} knowing a win would lift them {movement}.",
    "{S_hm} has warned his players not to underestimate {away} ahead of {kday_poss} {competition} "
    "meeting at {venue}.",
    "All eyes will be on {venue} on {kday} when {home} take on {away} in the {competition}.",
    "{home} will look to extend their unbeaten run when they welcome {away} to {venue} on {kday}.",
    "It has been a {form_adj} few weeks for {home}, who face {away} at {venue} on {kday} ({ko} kick-off).",
)
PREVIEW_TEAM_NEWS = (
    "{home} will be without {hinj}, who {injury_past}.",
    "{S_hinj2} is a doubt after {injury_ing}, but {hret} is available again after {return_reason}.",
    "{away} have no fresh injury concerns, although {ainj} remains sidelined with {injury}.",
    "{S_ainj2} is pushing for a recall after returning to training this week.",
    "{S_hm} confirmed that {hret} will return to the squad after {return_reason}.",
    "{S_aret} could make his first start since {month} after recovering from {injury}.",
    "{away} are sweating on the fitness of {ainj}, who {injury_past}.",
    "{S_hinj2} and {hret} both face late fitness tests.",
)
INJURY_PAST = ("limped off in the last game with {injury}", "has been ruled out for a month with {injury}",
               "picked up {injury} in training", "is still recovering from {injury}")
INJURY_ING = ("picking up {injury} in training", "limping off against {opp} last weekend with {injury}",
              "missing training on {kday} with {injury}")
RETURN_REASONS = ("serving a one-match suspension", "recovering from {injury}", "a spell on the sidelines",
                  "missing last week's game through illness", "a month out with {injury}")
FORM_ADJ = ("difficult", "productive", "testing", "frustrating", "promising", "turbulent")
PREVIEW_QUOTES = (
    "{opp_club} are a very good side and we will need to be at our best.",
    "We've had a good week on the training ground and everyone is looking forward to it.",
    "It's a game we're really looking forward to, the supporters will be right behind us.",
    "We respect {opp_club}, but we go into every game looking to win it.",
    "{mpl_sur} has been fantastic for us and I expect him to be involved.",
    "There are no easy games at this level, and we know that.",
    "We've looked at how they play and we have a plan.",
    "Our form has given us confidence, but we can't get complacent.",
    "The group is in a good place mentally, which is important at this stage of the season.",
    "We have one or two knocks but nothing serious.",
    "I won't be making too many changes, the players deserve to keep their places.",
    "We need to be more clinical than we were last week.",
    "Every game is a final for us now.",
)
PREVIEW_PAD = (
    "{home} have won {k} of their last {m} home matches.",
    "{away} are unbeaten in {k} games in all competitions.",
    "The last meeting between the sides ended in a {h2h} win for {h2h_club}.",
    "{S_hstar} has scored {g} goals in {apps} appearances this season and will be the man to watch.",
    "{S_astar} has been in fine form, with {g} goals and {assists} assists in his last {m} outings.",
    "Referee {ref} will take charge of the game.",
    "{home} have kept {clean_sheets} clean sheets in their last {m} matches, with {hk} in commanding form.",
    "{away} have conceded in each of their last {k} away games.",
    "Defeat would leave {home} {defeat_state}.",
    "{S_hm} is expected to name an unchanged side.",
    "{S_am} could hand a first start to {ayoung}, the {ayoung_age}-year-old who has impressed in training.",
    "Tickets for the game sold out within hours of going on general sale.",
    "The match is live on {broadcaster}.",
    "{home} have lost just {k_small} of their last {m} meetings with {away}.",
    "{S_hp} is one booking away from a suspension.",
    "{away} have scored {g} goals on the road this season, one of the best records in the division.",
)
PREVIEW_PREDICTIONS = ("Prediction: {home} {p1}-{p2} {away}.", "Our prediction: {home} {p1}-{p2} {away}.")

TRANSFER_TITLES = (
    "{to} complete signing of {p_full} from {frm}",
    "{p_sur} joins {to} in {fee_short} deal",
    "{to} sign {frm} {p_pos} {p_sur}",
    "Done deal: {p_full} moves to {to}",
    "{to} land {p_sur} from {frm}",
    "{p_sur} completes move from {frm} to {to}",
    "{to} confirm {p_sur} arrival on {years}-year deal",
    "Transfer news: {to} wrap up {p_sur} signing",
)
TRANSFER_LEDES = (
    "{to} have completed the signing of {p_pos} {p_full} from {frm} for {fee}.",
    "{S_p} has joined {to} from {frm} on a {years}-year contract for {fee}.",
    "{frm} {p_pos} {p_full} has completed his move to {to}, signing a {years}-year deal.",
    "{to} have signed {p} from {frm} in a deal worth {fee}.",
    "{S_p} has become {to_poss} latest signing after completing a move from {frm} for {fee}.",
    "{to} have confirmed the arrival of {p_full} from {frm}, with the {p_age}-year-old agreeing a "
    "contract until {until}.",
)
TRANSFER_BODY = (
    "The {p_age}-year-old {p_nat} {p_pos} passed a medical on {kday} before putting pen to paper.",
    "{p_sur} has made {apps} appearances for {frm}, scoring {g} goals, since arriving from {prev} "
    "in {prev_year}.",
    "He has won {caps} caps for {p_country} and was part of their squad at the last {tournament}.",
    "{S_p} will wear the number {num} shirt at {to_stadium}.",
    "The fee could rise to {fee_max} with add-ons, and {frm} have inserted a sell-on clause.",
    "{S_to_mgr} had identified {p_sur} as his top target at the start of the {window} window.",
    "{p_sur} becomes {to_poss} {nth} signing of the {window} window.",
    "{frm} were reluctant to sell, but the player made it clear he wanted the move.",
    "{S_p} could make his debut against {opp} on {kday}.",
    "{p_sur} will compete with {rival_tm} for a place in the starting line-up.",
    "{to} had also been linked with {alt_full} of {alt_club} before turning their attention to {p_sur}.",
    "{frm} are expected to reinvest the money, with {frm_mgr} keen to add a {need} to his squad.",
    "His departure ends a {stay}-year stay at {frm}.",
    "{to} beat competition from {rival_club} and {rival_club2} to secure the deal.",
    "Supporters at {frm_stadium} will remember him for a stunning solo goal against {opp}.",
    "{S_p} was unveiled to supporters at {to_stadium} on {kday}.",
    "The deal was completed after a week of negotiations between the two clubs.",
    "{p_sur} will link up with his former team-mate {compat} at {to}.",
    "He had {years_left} left on his contract at {frm}.",
    "{frm} had previously turned down two offers for the {p_nat} {p_pos}.",
    "{p_sur} has also represented {p_country} at under-21 level.",
    "The {p_age}-year-old is expected to go straight into the squad for the game against {opp}.",
    "{frm} had hoped to tie {p_sur} down to a new contract, but talks stalled in the spring.",
)
TRANSFER_MGR_QUOTES = (
    "{p_sur} is a player we have admired for a long time and I'm delighted to get the deal done.",
    "He brings energy, quality and experience, which is exactly what we need.",
    "I'm sure our supporters will enjoy watching him.",
    "He is still young and has a lot of improvement in him, which excites me.",
    "We spoke a lot about the project and he was really keen to be part of it.",
    "He fits the way we want to play perfectly.",
    "It's a really important signing for the club and a sign of our ambition.",
    "We had to be patient, but it was worth the wait.",
    "He can play in a number of positions, which gives us options.",
    "I want to thank the board for their support in getting this done.",
)
TRANSFER_PLAYER_QUOTES = (
    "I'm so happy to be here, this is a huge club with a great history.",
    "As soon as I knew {to} were interested, I wanted to come.",
    "I spoke with the manager and his ideas convinced me straight away.",
    "I can't wait to meet the fans and play at {to_stadium}.",
    "I want to thank everyone at {frm} for the amazing years I had there.",
    "It's a dream come true for me and my family.",
    "I'm here to win trophies and help the team reach the next level.",
    "The {to_league} is a league I have always wanted to play in.",
    "I've worked hard for this opportunity and I'm ready to give everything.",
    "My goal is to get into the team and repay the faith the club has shown in me.",
)
SELLER_STATEMENTS = (
    '{frm} said in a statement: "We thank {p_sur} for his contribution and wish him every success."',
    'A {frm} statement read: "{p_sur} leaves with our gratitude and best wishes for the future."',
    '{frm} thanked {p_sur} for his service, saying: "He has been a model professional."',
)

RUMOUR_LEDES: dict[str, tuple[str, ...]] = {
    "poised": (
        "{S_p} is poised to join {to} from {frm} in a deal worth {fee}.",
        "{frm} {p_pos} {p_full} is poised to join {to} after the clubs agreed a fee of {fee}.",
        "{to} are closing in on {p}, who is poised to join from {frm} for {fee}.",
    ),
    "talks": (
        "{to} are in talks to sign {p} from {frm}.",
        "{to} are in talks to sign {frm_poss} {p_pos} {p_full} in a deal that could be worth {fee}.",
        "{to} are in talks with {frm} over a move for {p}.",
    ),
    "rejected": (
        "{to} have had a bid rejected for {p}.",
        "{to} have had a {fee} bid rejected for {frm} {p_pos} {p_full}.",
        "{frm} have rejected a bid of {fee} from {to} for {p}.",
    ),
}
RUMOUR_TITLES: dict[str, tuple[str, ...]] = {
    "poised": ("{p_sur} poised to join {to}", "{to} close in on {frm} {p_pos} {p_sur}",
               "{p_sur} set for {to} move"),
    "talks": ("{to} in talks to sign {p_full}", "{to} open talks over {p_sur} deal",
              "{to} and {frm} discuss {p_sur} move"),
    "rejected": ("{to} have bid rejected for {p_sur}", "{frm} turn down {to} offer for {p_sur}",
                 "{to} rebuffed in {p_sur} pursuit"),
}
RUMOUR_BODY = (
    "The {p_age}-year-old has {years_left} remaining on his contract at {frm}.",
    "{frm} value the {p_nat} {p_pos} at around {fee_max}, a figure {to} are reluctant to meet.",
    "{rival_club} and {rival_club2} have also been monitoring {p_sur}, according to {outlet}.",
    "{S_to_mgr} is keen to add a {need} to his squad before the window closes.",
    "{p_sur} has scored {g} goals in {apps} appearances this season.",
    "{frm} are under no pressure to sell, with {frm_mgr} describing {p_sur} as a key part of his plans.",
    "It is understood personal terms would not be a problem, with the player keen on the move.",
    "Talks are expected to continue over the coming days.",
    "{to} had an approach for {p_sur} turned down last summer.",
    "{S_to_mgr} refused to be drawn on the speculation when asked on {kday}.",
    "{frm} would want to sign a replacement before sanctioning any sale, with {alt_full} of {alt_club} on "
    "their shortlist.",
    "The player's representatives are understood to have held talks with {to} officials this week.",
    "Any deal would be worth in excess of {fee}, including add-ons.",
    "{to} are also considering alternatives, including {alt2_full} of {alt_club2}.",
    "{S_p} has {caps} caps for {p_country} and impressed at the last {tournament}.",
    "The {window} transfer window closes at the end of the month.",
    "{frm} signed {p_sur} from {prev} in {prev_year}.",
    "{S_to_mgr} is a long-time admirer of {p_sur} and tried to sign him once before.",
    "The {p_nat} international has also attracted interest from clubs in the {foreign_league}.",
    "A decision on his future is expected before the end of the window.",
    "{to} scouts watched {p_sur} in action against {opp} last weekend.",
    "{S_rival_tm} is among the players who could make way at {to} if a deal is agreed.",
    "{p_sur} was named in the team of the season last year after a string of impressive displays.",
    "Sources close to the player insist he is focused on {frm} for now.",
)
RUMOUR_SUITOR_QUOTES = (
    "I don't talk about players from other clubs, it's not right.",
    "We are always looking to improve the squad, but I won't comment on individuals.",
    "He is a very good player, but he belongs to {frm}.",
    "If there is something to announce, the club will announce it.",
    "We are working every day to strengthen the squad, but nothing is done.",
    "My focus is on the game this weekend, not on the transfer market.",
    "Players like that interest every club, but it's a complicated market.",
    "I'm happy with the players I have, but we will see what happens.",
)
RUMOUR_SELLER_QUOTES = (
    "{p_sur} is our player and he is very important to us.",
    "We have no intention of selling, and the club has been clear about that.",
    "Nobody has contacted me about {p_sur}, so I am relaxed.",
    "Everyone has a price, but he is happy here and we are happy with him.",
)
NEEDS = ("centre-back", "striker", "creative midfielder", "goalkeeper", "left-back", "winger")

SACKING_TITLES = (
    "{club} sack {m_sur}",
    "{m_sur} sacked by {club} after poor run",
    "{club} part company with {m_title} {m_full}",
    "{m_sur} out at {club}",
    "{club} dismiss {m_sur} with side {table_state}",
)
SACKING_LEDES = (
    "{club} have sacked {m_title} {m_full} after {months} months in charge.",
    "{S_m} has been sacked by {club} following a run of {run}.",
    "{club} have parted company with {m} after a {bad_score} defeat by {opp} left them {table_state}.",
    "{club} have dismissed {m_title} {m_full}, with the club {table_state}.",
    "{S_m} has left {club} by mutual consent after {months} months in the job.",
)
SACKING_BODY = (
    "The {m_age}-year-old was appointed in {month} {appt_year} after leaving {m_prev}.",
    "{club} have won just {k_small} of their last {m_games} matches in all competitions.",
    "The final straw was a {bad_score} home defeat by {opp} on {kday}, after which supporters "
    "chanted against the board.",
    "{S_asst} will take charge of the team on an interim basis, starting with the trip to {opp2}.",
    "{S_s} is the early favourite to take over.",
    "{cand} and {cand2} are also thought to be under consideration.",
    "{m_sur} guided {club} to {achievement} in his first season, but results have deteriorated "
    "sharply since.",
    "He becomes the {nth} {league} manager to lose his job this season.",
    "Several senior players, including {capt}, are understood to have been shocked by the decision.",
    "{m_sur} had insisted as recently as last week that he retained the backing of the dressing room.",
    "Supporters had staged a protest outside {stadium} before the defeat by {opp}.",
    "The club will now begin the search for a permanent successor, with a decision expected within a "
    "fortnight.",
    "{club} sit {table_state} after picking up just {points} points from their last {m_games} games.",
    "The club's hierarchy met on {kday} morning and decided that a change was needed.",
    "{m_sur} leaves with {club} having won {wins} of his {games} matches in charge.",
    "It is the {nth} managerial change at {stadium} in the past three years.",
    "{S_capt} was among the players to pay tribute to {m_sur} on social media.",
    "{m_sur} had been given the backing of the board as recently as {month}.",
    "Supporters had grown increasingly frustrated with the team's cautious style of play.",
    "{club} have scored just {k} goals in their last {m_games} league games.",
    "{m_sur} had replaced {prev_mgr} in {month} {appt_year}.",
    "Summer signings {star_full} and {star2_full} have struggled to make an impact.",
    "Bookmakers have made {s} the favourite to replace him.",
    "{m_sur} admitted after the defeat by {opp} that his side had been nowhere near good enough.",
)
BOARD_QUOTES = (
    "We would like to thank {m_sur} for his hard work and commitment, and wish him well for the future.",
    "This was not an easy decision, but we felt a change was needed to protect our position.",
    "The board believes a new voice is required to take the club forward.",
    "Results have fallen short of the standards we set at the start of the season.",
    "{m_sur} gave everything to this club, and we will always be grateful for that.",
    "We are confident the squad has the quality to turn things around.",
)
BOARD_FRAMES = (
    '{club} chairman {chair_full} said in a statement: "{quote}"',
    '{S_chair} said: "{quote}"',
    'A club statement read: "{quote}"',
)
APPOINT_TITLES = (
    "{club} appoint {s_full} as new {m_title}",
    "{s_sur} named {club} {m_title}",
    "{club} turn to {s_sur} after {m_sur} exit",
    "{s_sur} takes charge at {club}",
)
APPOINT_LEDES = (
    "{club} have appointed {s_full} as their new {m_title} on a {years}-year contract.",
    "{S_s} has been named {m_title} of {club}, replacing {m_full}.",
    "Former {s_prev} boss {s_full} has been appointed {club} {m_title} on a {years}-year deal.",
    "{club} have confirmed {s_full} as their new {m_title}, {weeks} weeks after sacking {m_full}.",
)
APPOINT_BODY = (
    "{S_s} left {s_prev} in {month} and has been out of work since.",
    "His first game in charge will be against {opp} at {stadium} on {kday}.",
    "He will work alongside {asst}, who took charge on an interim basis.",
    "{m_sur} was sacked {weeks} weeks ago with the club {table_state}.",
    "{s_sur}, {s_age}, is known for {style}.",
    "{club} spoke to several candidates, including {cand}, before settling on {s_sur}.",
    "{s_sur} watched from the stands as {club} lost to {opp2} last weekend.",
    "The new {m_title} inherits a squad that includes {star} and {star2}.",
    "{s_sur} previously won {achievement} with {s_prev}.",
    "He arrives with a reputation for {style}, and will be expected to bring an immediate improvement.",
    "{club} are currently {table_state}, having played {k} matches since {m_sur} left.",
    "The {s_nat} coach will bring his own backroom staff, including {cand2}.",
    "{s_sur} is the club's {nth} permanent appointment in four years.",
    "He was unveiled to supporters at {stadium} on {kday}.",
    "{S_s} takes over a side that has won just {k_small} of its last {m_games} matches.",
    "His immediate priority will be tightening up a defence that has conceded {g} goals in {m} games.",
    "{S_asst} will remain on the staff as first-team coach.",
    "Club captain {capt_full} is expected to play a key role under the new regime.",
    "{s_sur} has signed a contract that runs until {until}.",
    "The appointment was approved at a board meeting on {kday}.",
)
APPOINT_QUOTES = (
    "I'm very proud to be the {m_title} of a club like {club}.",
    "I've seen the potential in this squad and I can't wait to start working with the players.",
    "The supporters are the heartbeat of this club and I want to give them a team to be proud of.",
    "There's a lot of work to do, but I'm confident we can turn things around.",
    "My first job is to get to know the players and give them confidence.",
    "We want to play with intensity and courage.",
    "I spoke to the chairman and his vision for the club matched mine.",
    "It is a huge challenge and I'm ready for it.",
)
STYLES = ("his high-pressing style", "developing young players", "building organised, compact sides",
          "attacking, possession-based football", "his meticulous preparation")
ACHIEVEMENTS = ("a top-half finish", "the {cup} semi-finals", "promotion", "the {cup}",
                "a place in Europe")
RUNS = ("one win in 10 games", "five successive defeats", "seven league games without a win",
        "three straight home defeats")
TABLE_STATES = ("second from bottom", "in the relegation zone", "19th in the table",
                "a point above the drop zone", "10 points off the play-off places")

FINAL_TITLES = (
    "{winner} win {competition} after beating {loser}",
    "{winner} lift the {competition} at {venue}",
    "{competition} final: {winner} {ws}-{ls} {loser}",
    "Glory for {winner} as {loser} are beaten in {competition} final",
    "{winner} crowned {competition} winners",
)
FINAL_TITLES_SCORER = ("{wscorer_sur} fires {winner} to {competition} glory",
                       "{wscorer_sur} the hero as {winner} win the {competition}")
FINAL_LEDES_WITH_SCORER = (
    "{S_wscorer} {wtally} as {winner} beat {loser} {ws}-{ls} to lift the {competition} at {venue}.",
    "{winner} won the {competition} for the {nth} time as {wscorer} {wtally} in a {ws}-{ls} win over "
    "{loser} at {venue}.",
)
FINAL_LEDES = (
    "{winner} won the {competition} for the {nth} time after beating {loser} {ws}-{ls} in the final at "
    "{venue}.",
    "{winner} are {competition} winners after a {adj_win} {ws}-{ls} victory over {loser} at {venue}.",
    "A {adj_win} {ws}-{ls} win over {loser} at {venue} handed {winner} the {competition}.",
    "{loser} were left heartbroken at {venue} as {winner} beat them {ws}-{ls} to claim the {competition}.",
)
TROPHY_LIFTS = (
    "{S_wcapt} lifted the {competition} trophy as the {winner} fans celebrated at one end of {venue}.",
    "It was left to {wcapt} to raise the trophy aloft after the presentation.",
    "{S_wcapt} and {wmgr} lifted the trophy together in front of the {winner} supporters.",
    "After the final whistle {wcapt} climbed the steps to collect the trophy.",
    "{S_wcapt} hoisted the trophy into the air as fireworks lit up {venue}.",
)
FINAL_PAD = (
    "It is {winner_poss} first major trophy since {year}.",
    "{S_wmgr} becomes the first {winner} manager to win the {competition} since {year}.",
    "{loser} had reached the final by beating {opp} in the semi-finals.",
    "{S_lcapt} led his team-mates up to collect their runners-up medals.",
    "Thousands of {winner} supporters stayed behind long after the final whistle.",
    "The victory also secures a place in European competition next season.",
    "{S_lk} made a string of fine saves to keep {loser} in the contest.",
    "{S_lp} hit the post late on as {loser} pushed for a way back.",
    "The final was watched by a crowd of {att}.",
    "{S_wp} was named player of the match after a tireless display.",
    "{loser} have now lost {k_small} of their last {m} finals.",
    "There were emotional scenes at the final whistle as {wp} sank to his knees.",
    "{loser} must regroup quickly, with a league game against {opp2} on {kday}.",
    "{S_lmgr} embraced each of his players as they left the pitch.",
    "{S_wp} had been a doubt before kick-off but shook off a knock to start.",
)


# --------------------------------------------------------------------------
# World: invented people attached to real clubs
# --------------------------------------------------------------------------


@dataclass
class Person:
    """An invented player or club official."""

    pid: int
    first: str
    last: str
    role: str  # a squad role from ROLE_WORDS, or "manager", "head coach", "assistant manager", "chairman"
    nat: str
    group: str
    age: int
    club: str | None = None
    prev: str = ""
    captain: bool = False

    @property
    def full(self) -> str:
        """First name and surname."""
        return f"{self.first} {self.last}"


@dataclass
class Club:
    """A real club with an invented squad and staff."""

    name: str
    short: str
    stadium: str
    capacity: int
    league: str
    squad: list[Person]
    manager: Person
    assistant: Person
    successor: Person  # out of work until he replaces the manager
    chairman: Person

    @property
    def country(self) -> str:
        """Country whose domestic competitions the club plays in."""
        return LEAGUE_COUNTRY[self.league]


@dataclass
class World:
    """Everything that stays fixed for one seed."""

    clubs: list[Club]
    pundits: list[Person]
    referees: list[str]

    def people(self) -> list[Person]:
        """Every invented person, in a stable order."""
        staff = [p for c in self.clubs for p in (c.manager, c.assistant, c.successor, c.chairman)]
        return [p for c in self.clubs for p in c.squad] + staff + self.pundits


def build_world(rng: random.Random) -> World:
    """Build clubs with 25-man squads, staff, free managers and referees."""
    used: set[str] = set()
    people: list[Person] = []

    def person(group: str, role: str, age: int, club: str | None = None, prev: str = "") -> Person:
        while True:
            first, last = rng.choice(FIRST_NAMES[group]), rng.choice(SURNAMES[group])
            if group in HYPHENATING_GROUPS and rng.random() < 0.07:
                other = rng.choice(SURNAMES[group])
                if other != last and "-" not in other + last and " " not in other + last:
                    last = f"{last}-{other}"
            if f"{first} {last}" not in used:
                break
        used.add(f"{first} {last}")
        p = Person(len(people), first, last, role, rng.choice(NATIONALITIES[group]), group, age, club, prev)
        people.append(p)
        return p

    def mixed_group(country: str) -> str:
        mix = NATIONALITY_MIX[country]
        return rng.choices(list(mix), weights=list(mix.values()))[0]

    names = [row[0] for row in CLUBS]
    clubs = []
    for row in CLUBS:
        name, country = row[0], LEAGUE_COUNTRY[row[4]]
        others = [n for n in names if n != name]
        british = country in ("England", "Scotland")
        squad = [person(mixed_group(country), role, rng.randint(18, 35), name) for role in SQUAD_ROLES]
        rng.choice([p for p in squad if p.age >= 25 and p.role != "goalkeeper"]).captain = True
        title = "manager" if british and rng.random() < 0.8 else "head coach"
        manager = person(mixed_group(country), title, rng.randint(38, 66), name, rng.choice(others))
        assistant = person(mixed_group(country), "assistant manager", rng.randint(35, 60), name)
        successor = person(mixed_group(country), title, rng.randint(36, 64), None, rng.choice(others))
        chairman = person("english" if british else mixed_group(country), "chairman", rng.randint(45, 75), name)
        clubs.append(Club(*row, squad, manager, assistant, successor, chairman))
    pundits = [person(mixed_group("England"), "manager", rng.randint(40, 68), None, rng.choice(names))
               for _ in range(30)]
    referees = [f"{rng.choice(FIRST_NAMES['english'])[0]} {rng.choice(SURNAMES['english'])} "
                f"({rng.choice(REFEREE_COUNTIES)})" for _ in range(24)]
    return World(clubs, pundits, referees)


# --------------------------------------------------------------------------
# Template filling
# --------------------------------------------------------------------------


def _poss(name: str) -> str:
    """English possessive: "Everton's", "Rangers'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _ordinal(n: int) -> str:
    """1 -> "1st", 22 -> "22nd", 13 -> "13th"."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


Value = str | Callable[[], str]
PersonRef = Person | Callable[[], Person]


class _Writer:
    """Fills templates for one article and remembers who has been introduced."""

    ATTRIBUTES = ("sur", "full", "age", "nat", "pos", "country")

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.values: dict[str, Value] = {}
        self.people: dict[str, PersonRef] = {}
        self.seen: set[int] = set()
        self.used: set[str] = set()
        self.paragraphs: list[str] = []

    def __getitem__(self, key: str) -> str:
        if key in self.values:
            value = self.values[key]
            return value() if callable(value) else value
        if key.startswith("S_"):
            return self.mention(self.person(key[2:]), subject=True)
        if key.startswith("P_"):
            return _poss(self.mention(self.person(key[2:])))
        base, _, attr = key.rpartition("_")
        if attr in self.ATTRIBUTES and base in self.people:
            return self.attribute(self.person(base), attr)
        return self.mention(self.person(key))

    def person(self, key: str) -> Person:
        """The person bound to a key (drawn afresh if bound to a picker)."""
        ref = self.people[key]
        return ref if isinstance(ref, Person) else ref()

    def attribute(self, p: Person, attr: str) -> str:
        """One attribute of a person; asking for the full name counts as an introduction."""
        if attr == "full":
            self.seen.add(p.pid)
            return p.full
        if attr == "pos":
            return self.rng.choice(ROLE_WORDS.get(p.role, (p.role,)))
        return {"sur": p.last, "age": str(p.age), "nat": p.nat, "country": COUNTRY_OF[p.nat]}[attr]

    def mention(self, p: Person, subject: bool = False) -> str:
        """Full name with a role cue the first time, surname afterwards."""
        if p.pid in self.seen:
            return p.last
        self.seen.add(p.pid)
        return self.rng.choice(self._cues(p, subject))

    def _cues(self, p: Person, subject: bool) -> list[str]:
        """Ways to introduce a person: "defender X", "Everton's X", "boss X", "X, the Everton captain,"."""
        full, club = p.full, p.club or ""
        if p.role in ROLE_WORDS:
            pos = self.rng.choice(ROLE_WORDS[p.role])
            cues = [f"{pos} {full}", f"{_poss(club)} {full}", f"{club} {pos} {full}", full,
                    f"the {p.age}-year-old {full}", f"{p.nat} {pos} {full}"]
            if subject:
                cues.append(f"{full}, {_poss(club)} {p.nat} {pos},")
                if p.captain:
                    cues += [f"{full}, the {club} captain,"] * 3
            elif p.captain:
                cues.append(f"{club} captain {full}")
            return cues
        if p.role == "assistant manager":
            cues = [f"assistant manager {full}", f"{club} assistant {full}", f"{_poss(club)} assistant manager {full}"]
            if subject:
                cues.append(f"{full}, {_poss(club)} assistant manager,")
            return cues
        if p.role == "chairman":
            return [f"chairman {full}", f"{club} chairman {full}"]
        if not club:
            return [f"former {p.prev} {p.role} {full}", full, f"ex-{p.prev} boss {full}"]
        cues = [f"boss {full}", f"{club} boss {full}", f"{p.role} {full}", f"{club} {p.role} {full}"]
        if subject:
            cues.append(f"{full}, the {club} {p.role},")
        return cues

    def fill(self, template: str) -> str:
        """Fill one template and capitalise its first letter."""
        self.used.add(template)
        text = template.format_map(self)
        return text[:1].upper() + text[1:]

    def fresh(self, pool: Sequence[str]) -> list[str]:
        """Templates of `pool` not yet used in this article (all of them if none are left)."""
        return [t for t in pool if t not in self.used] or list(pool)

    def choose(self, pool: Sequence[str]) -> str:
        """Fill one template drawn from a pool, avoiding repeats."""
        return self.fill(self.rng.choice(self.fresh(pool)))

    def sample(self, pool: Sequence[str], k: int) -> list[str]:
        """Fill `k` distinct unused templates from a pool."""
        fresh = self.fresh(pool)
        return [self.fill(t) for t in self.rng.sample(fresh, min(k, len(fresh)))]

    def say(self, *sentences: str) -> None:
        """Append a paragraph of already-filled sentences."""
        self.paragraphs.append(" ".join(sentences))

    def words(self) -> int:
        """Words written so far."""
        return sum(len(p.split()) for p in self.paragraphs)

    def pad(self, pool: Sequence[str], target: int) -> None:
        """Add paragraphs of distinct pool sentences until the article reaches `target` words."""
        fresh = [t for t in pool if t not in self.used]
        order = self.rng.sample(fresh, len(fresh))
        while order and self.words() < target:
            size = self.rng.randint(2, 3)
            self.say(*(self.fill(t) for t in order[:size]))
            del order[:size]

    def quote(self, speaker: Person, club: Club, opponent: str, pool: Sequence[str],
              frames: Sequence[str] = QUOTE_FRAMES) -> str:
        """A quote of two or three sentences from `pool`, attributed to `speaker`."""
        outfield = [p for p in club.squad if p.role != "goalkeeper"]
        self.people["spk"] = speaker
        self.people["mpl"] = lambda: self.rng.choice(outfield)
        self.values["opp_club"] = opponent
        text = " ".join(self.sample(pool, self.rng.choice((2, 2, 3))))
        self.values["quote"] = text
        self.values["quote_c"] = text[:-1] + "," if text.endswith(".") else text
        return self.choose(frames)

    def number(self, key: str, low: int, high: int) -> None:
        """Bind `key` to a fresh random integer on every use."""
        self.values[key] = lambda: str(self.rng.randint(low, high))

    def pick(self, key: str, pool: Sequence[str]) -> None:
        """Bind `key` to a fresh choice from `pool` (itself filled, not capitalised) on every use."""
        self.values[key] = lambda: self.rng.choice(pool).format_map(self)


# --------------------------------------------------------------------------
# Matches
# --------------------------------------------------------------------------


@dataclass
class Lineup:
    """One side's players in a match."""

    club: Club
    xi: list[Person]
    bench: list[Person]
    subs: list[tuple[Person, Person, int]] = field(default_factory=list)  # (off, on, minute)
    booked: list[Person] = field(default_factory=list)


@dataclass
class Goal:
    """A goal credited to lineup `side` (0 home, 1 away)."""

    minute: int
    side: int
    scorer: Person
    provider: Person
    own_goal: bool
    penalty: bool


def _lineup(rng: random.Random, club: Club) -> Lineup:
    """A 4-3-3 starting XI and a seven-man bench drawn from the squad."""
    xi: list[Person] = []
    taken: set[int] = set()
    for role in XI_SHAPE:
        p = rng.choice([q for q in club.squad if q.role == role and q.pid not in taken])
        xi.append(p)
        taken.add(p.pid)
    rest = [p for p in club.squad if p.pid not in taken]
    keepers = [p for p in rest if p.role == "goalkeeper"]
    bench = [rng.choice(keepers)] + rng.sample([p for p in rest if p.role != "goalkeeper"], 6)
    return Lineup(club, xi, bench)


def _play(rng: random.Random, lineups: list[Lineup], decisive: bool) -> list[Goal]:
    """Simulate goals, substitutions and bookings; `decisive` forbids a draw."""
    while True:
        home_goals, away_goals = rng.choices(range(len(GOAL_WEIGHTS)), weights=GOAL_WEIGHTS, k=2)
        if not decisive or home_goals != away_goals:
            break
    sides = [0] * home_goals + [1] * away_goals
    rng.shuffle(sides)
    goals = []
    for minute, side in zip(sorted(rng.sample(range(1, 91), len(sides))), sides):
        outfield, opponents = lineups[side].xi[1:], lineups[1 - side].xi
        if rng.random() < 0.05:
            scorer = rng.choice([p for p in opponents if p.role in DEFENSIVE_ROLES])
            goals.append(Goal(minute, side, scorer, rng.choice(outfield), True, False))
            continue
        scorer = rng.choices(outfield, weights=[SCORING_WEIGHT[p.role] for p in outfield])[0]
        provider = rng.choice([p for p in outfield if p is not scorer])
        goals.append(Goal(minute, side, scorer, provider, False, rng.random() < 0.1))
    last_involved: dict[int, int] = {}
    for g in goals:
        last_involved[g.scorer.pid] = last_involved[g.provider.pid] = g.minute
    for lineup in lineups:
        replacements = lineup.bench[1:]
        off: set[int] = set()
        for minute in sorted(rng.sample(range(46, 90), rng.choice((1, 2, 3, 3)))):
            eligible = [p for p in lineup.xi[1:] if p.pid not in off and last_involved.get(p.pid, 0) < minute]
            if eligible:
                leaving = rng.choice(eligible)
                off.add(leaving.pid)
                lineup.subs.append((leaving, replacements.pop(0), minute))
        on_pitch = lineup.xi + [on for _, on, _ in lineup.subs]
        lineup.booked = rng.sample(on_pitch, rng.choices((0, 1, 2, 3), weights=(3, 4, 3, 1))[0])
    return goals


def _team_sheet(lineups: list[Lineup], goals: list[Goal], attendance: int, referee: str) -> str:
    """Classic newspaper team sheet: XIs with substitutions, bench, bookings, goals, crowd, referee."""
    parts = []
    for lineup in lineups:
        came_on = {off.pid: f"{on.full} {minute}" for off, on, minute in lineup.subs}
        used = {on.pid for _, on, _ in lineup.subs}
        names = [f"{p.last} ({came_on[p.pid]})" if p.pid in came_on else p.last for p in lineup.xi]
        unused = [p.last for p in lineup.bench if p.pid not in used]
        parts.append(f"{lineup.club.short}: {', '.join(names)}. Subs Not Used: {', '.join(unused)}.")
        if lineup.booked:
            parts.append(f"Booked: {', '.join(p.last for p in lineup.booked)}.")
    if goals:
        marks = [f"{g.scorer.last} {g.minute}{' og' if g.own_goal else ' pen' if g.penalty else ''}" for g in goals]
        parts.append(f"Goals: {', '.join(marks)}.")
    parts.append(f"Att: {attendance:,} Ref: {referee}.")
    return " ".join(parts)


def _fixture(rng: random.Random, world: World, league_share: float) -> tuple[Club, Club, str, str]:
    """Home club, away club, competition and competition kind ("league", "cup" or "europe")."""
    home = rng.choice(world.clubs)
    draw = rng.random()
    if draw < league_share:
        away = rng.choice([c for c in world.clubs if c.league == home.league and c is not home])
        return home, away, home.league, "league"
    if draw < league_share + (1 - league_share) * 0.65:
        away = rng.choice([c for c in world.clubs if c.country == home.country and c is not home])
        return home, away, rng.choice(DOMESTIC_CUPS[home.country]), "cup"
    away = rng.choice([c for c in world.clubs if c.country != home.country])
    return home, away, rng.choice(EUROPEAN_COMPETITIONS), "europe"


def _top_scorer(goals: list[Goal], side: int) -> tuple[Person | None, int]:
    """The side's leading (non own-goal) scorer and his tally; earliest wins ties."""
    tally: dict[int, int] = {}
    first: list[Person] = []
    for g in goals:
        if g.side == side and not g.own_goal:
            if g.scorer.pid not in tally:
                first.append(g.scorer)
            tally[g.scorer.pid] = tally.get(g.scorer.pid, 0) + 1
    if not first:
        return None, 0
    best = max(first, key=lambda p: tally[p.pid])
    return best, tally[best.pid]


TALLY: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {
    1: (("scored", "was on target", "struck"), ("scoring", "on target")),
    2: (("scored twice", "struck twice", "netted a brace"), ("scoring twice", "netting a brace")),
    3: (("scored a hat-trick", "completed a hat-trick"), ("scoring a hat-trick", "claiming a hat-trick")),
}
NTH = ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")
KICK_OFFS = ("12:30", "15:00", "17:30", "19:45", "20:00", "20:45")


def _common_values(w: _Writer, world: World, day: date) -> None:
    """Fillers shared by every article kind."""
    rng = w.rng
    w.pick("outlet", OUTLETS)
    w.pick("match_adj", MATCH_ADJ)
    w.pick("adj_win", ADJ_WIN)
    w.pick("goal_adj", GOAL_ADJ)
    w.pick("injury", INJURIES)
    w.pick("nth", NTH)
    w.number("k", 4, 8)
    w.number("k_small", 1, 3)
    w.number("m", 8, 12)
    w.number("g", 5, 19)
    w.number("apps", 20, 140)
    w.number("assists", 2, 9)
    w.number("clean_sheets", 2, 6)
    kday = WEEKDAYS[(day + timedelta(days=rng.randint(1, 4))).weekday()]
    w.values.update(
        kday=kday,
        kday_poss=_poss(kday),
        month=rng.choice(MONTHS),
        ref=rng.choice(world.referees).split(" (")[0],
        broadcaster=rng.choice(BROADCASTERS),
        weather=rng.choice(WEATHER),
        atmos=rng.choice(ATMOSPHERE),
        year=str(rng.randint(1975, day.year - 2)),
    )


def _match_values(w: _Writer, lineups: list[Lineup], goals: list[Goal], competition: str, kind: str,
                  venue: str, day: date, attendance: int) -> int:
    """Bind match fillers; returns the winning side (0, 1) or -1 for a draw."""
    rng = w.rng
    home, away = lineups[0].club, lineups[1].club
    score = [sum(g.side == s for g in goals) for s in (0, 1)]
    w.values.update(home=home.name, away=away.name, venue=venue, competition=competition,
                    hg=str(score[0]), ag=str(score[1]), kday=WEEKDAYS[day.weekday()],
                    att=f"{attendance:,}")
    w.people.update(hk=lineups[0].xi[0], ak=lineups[1].xi[0], hm=home.manager, am=away.manager,
                    hp=lambda: rng.choice(lineups[0].xi[1:]), ap=lambda: rng.choice(lineups[1].xi[1:]))
    w.pick("movement", MOVEMENT[kind])
    w.pick("cross_src", CROSS_SOURCES)
    if score[0] == score[1]:
        w.pick("draw_state", DRAW_STATE)
        return -1
    win = 0 if score[0] > score[1] else 1
    winner, loser = lineups[win], lineups[1 - win]
    w.values.update(winner=winner.club.name, loser=loser.club.name, winner_poss=_poss(winner.club.name),
                    ws=str(score[win]), ls=str(score[1 - win]))
    w.pick("winner_state", WINNER_STATE[kind])
    w.pick("loser_state", LOSER_STATE[kind])
    captains = [next(p for p in lu.club.squad if p.captain) for lu in (winner, loser)]
    w.people.update(wmgr=winner.club.manager, lmgr=loser.club.manager, wcapt=captains[0],
                    lcapt=captains[1], wk=winner.xi[0], lk=loser.xi[0],
                    wp=lambda: rng.choice(winner.xi[1:]), lp=lambda: rng.choice(loser.xi[1:]))
    scorer, tally = _top_scorer(goals, win)
    if scorer:
        w.people["wscorer"] = scorer
        past, ing = TALLY[min(tally, 3)]
        w.values.update(wtally=rng.choice(past), wtally_ing=rng.choice(ing))
    return win


def _narrate_goals(w: _Writer, lineups: list[Lineup], goals: list[Goal]) -> None:
    """One sentence per goal, grouped into short paragraphs."""
    rng = w.rng
    score = [0, 0]
    sentences = []
    for g in goals:
        ours, theirs = score[g.side], score[1 - g.side]
        state = ("opener" if ours + theirs == 0 else "equaliser" if ours + 1 == theirs
                 else "lead" if ours == theirs else "extend" if ours > theirs else "pullback")
        score[g.side] += 1
        opponents = lineups[1 - g.side].xi
        w.values.update(team=lineups[g.side].club.name, state=rng.choice(GOAL_STATES[state]),
                        minute=str(g.minute), min_ord=_ordinal(g.minute), score_now=f"{max(score)}-{min(score)}")
        w.people.update(scorer=g.scorer, provider=g.provider, keeper=opponents[0],
                        opp_player=rng.choice(opponents[1:]))
        finish = rng.choice(PENALTY_FINISHES if g.penalty else FINISHES)
        w.values.update(finish=lambda f=finish: f[0].format_map(w), finish_ing=lambda f=finish: f[1].format_map(w))
        sentences.append(w.choose(OWN_GOAL_SENTENCES if g.own_goal else GOAL_SENTENCES))
    while sentences:
        size = rng.randint(2, 3)
        w.say(*sentences[:size])
        del sentences[:size]


def _match_quotes(w: _Writer, lineups: list[Lineup], win: int, winner_pool: Sequence[str]) -> None:
    """Post-match quotes from one or both managers."""
    order = [win, 1 - win] if win >= 0 else w.rng.sample([0, 1], 2)
    for i, side in enumerate(order[: w.rng.choice((1, 2, 2))]):
        club, other = lineups[side].club, lineups[1 - side].club
        pool = DRAW_QUOTES if win < 0 else winner_pool if i == 0 else LOSE_QUOTES
        w.say(w.quote(club.manager, club, other.name, pool, MATCH_QUOTE_FRAMES))


# --------------------------------------------------------------------------
# Article kinds: each fills the writer's paragraphs and returns a title
# --------------------------------------------------------------------------


def _match_report(w: _Writer, world: World, day: date) -> str:
    rng = w.rng
    home, away, competition, kind = _fixture(rng, world, league_share=0.6)
    lineups = [_lineup(rng, home), _lineup(rng, away)]
    goals = _play(rng, lineups, decisive=False)
    attendance = int(home.capacity * rng.uniform(0.82, 1.0))
    win = _match_values(w, lineups, goals, competition, kind, home.stadium, day, attendance)
    with_sheet = rng.random() < 0.5
    target = rng.randint(290, 450) - 60 - (120 if with_sheet else 0)
    if win < 0:
        lede = GOALLESS_LEDES if not goals else DRAW_LEDES
    else:
        lede = WIN_LEDES_WITH_SCORER + WIN_LEDES if "wscorer" in w.people else WIN_LEDES
    w.say(w.choose(lede), w.choose(MATCH_PAD))
    _narrate_goals(w, lineups, goals)
    w.pad(MATCH_PAD + (DRAW_PAD if win < 0 else WIN_PAD), target)
    _match_quotes(w, lineups, win, WIN_QUOTES)
    if with_sheet:
        w.say(_team_sheet(lineups, goals, attendance, rng.choice(world.referees)))
    if win < 0:
        return w.choose(MATCH_TITLES_DRAW)
    return w.choose(MATCH_TITLES_WIN + MATCH_TITLES_SCORER if "wscorer" in w.people else MATCH_TITLES_WIN)


def _cup_final(w: _Writer, world: World, day: date) -> str:
    rng = w.rng
    home, away, competition, kind = _fixture(rng, world, league_share=0.0)
    lineups = [_lineup(rng, home), _lineup(rng, away)]
    goals = _play(rng, lineups, decisive=True)
    venue = rng.choice(FINAL_VENUES[competition])
    win = _match_values(w, lineups, goals, competition, kind, venue, day, rng.randint(60000, 90000))
    others = [c.name for c in world.clubs if c is not home and c is not away]
    domestic = [c.name for c in world.clubs if c.country == home.country and c.name in others]
    others = domestic if kind == "cup" and domestic else others
    w.values.update(opp=rng.choice(others), opp2=rng.choice(others))
    target = rng.randint(280, 440) - 80
    w.say(w.choose(FINAL_LEDES_WITH_SCORER + FINAL_LEDES if "wscorer" in w.people else FINAL_LEDES))
    _narrate_goals(w, lineups, goals)
    w.say(w.choose(TROPHY_LIFTS), w.choose(FINAL_PAD))
    w.pad(FINAL_PAD + MATCH_PAD, target)
    _match_quotes(w, lineups, win, FINAL_WIN_QUOTES + WIN_QUOTES)
    return w.choose(FINAL_TITLES + FINAL_TITLES_SCORER if "wscorer" in w.people else FINAL_TITLES)


def _preview(w: _Writer, world: World, day: date) -> str:
    rng = w.rng
    home, away, competition, kind = _fixture(rng, world, league_share=0.7)
    h_out = rng.sample([p for p in home.squad if p.role != "goalkeeper"], 5)
    a_out = rng.sample([p for p in away.squad if p.role != "goalkeeper"], 5)
    young = min((p for p in away.squad if p.pid not in {q.pid for q in a_out}), key=lambda p: (p.age, p.pid))
    others = [c.name for c in world.clubs if c is not home and c is not away]
    w.values.update(home=home.name, away=away.name, venue=home.stadium, competition=competition,
                    ko=rng.choice(KICK_OFFS), h2h=f"{rng.randint(1, 4)}-{rng.randint(0, 1)}",
                    h2h_club=rng.choice((home.name, away.name)), opp=rng.choice(others),
                    p1=str(rng.randint(0, 3)), p2=str(rng.randint(0, 2)))
    w.people.update(hinj=h_out[0], hinj2=h_out[1], hret=h_out[2], hstar=h_out[3], ainj=a_out[0],
                    ainj2=a_out[1], aret=a_out[2], astar=a_out[3], ayoung=young, hk=home.squad[0],
                    hm=home.manager, am=away.manager, hp=h_out[4])
    w.pick("movement", MOVEMENT[kind])
    w.pick("defeat_state", DEFEAT_STATE[kind])
    w.pick("form_adj", FORM_ADJ)
    w.pick("injury_past", INJURY_PAST)
    w.pick("injury_ing", INJURY_ING)
    w.pick("return_reason", RETURN_REASONS)
    target = rng.randint(270, 430) - 45
    w.say(w.choose(PREVIEW_LEDES), w.choose(PREVIEW_PAD))
    w.say(*w.sample(PREVIEW_TEAM_NEWS, rng.randint(3, 4)))
    w.say(w.quote(home.manager, home, away.name, PREVIEW_QUOTES))
    w.pad(PREVIEW_PAD, target)
    w.say(w.quote(away.manager, away, home.name, PREVIEW_QUOTES))
    if rng.random() < 0.5:
        w.say(w.choose(PREVIEW_PREDICTIONS))
    return w.choose(PREVIEW_TITLES)


def _transfer_values(w: _Writer, world: World, day: date) -> tuple[Club, Club, Person]:
    """Bind fillers shared by completed transfers and rumours."""
    rng = w.rng
    seller = rng.choice(world.clubs)
    buyer = rng.choice([c for c in world.clubs if c is not seller])
    player = rng.choice(seller.squad)
    others = [c for c in world.clubs if c is not seller and c is not buyer]
    rivals = rng.sample(others, 4)
    amount = rng.choice((2, 3.5, 5, 7, 8.5, 10, 12, 15, 18, 20, 22.5, 25, 28, 30, 35, 40, 45, 50, 55,
                         60, 65, 70, 80, 90, 100))
    short, most = f"£{amount:g}m", f"£{amount * 1.25:.1f}m".replace(".0m", "m")
    w.values.update(
        frm=seller.name, to=buyer.name, to_poss=_poss(buyer.name), frm_poss=_poss(seller.name),
        fee=rng.choice((f"a reported {short}", f"{short}", f"a fee believed to be around {short}",
                        "an undisclosed fee")),
        fee_short=short, fee_max=most, years=str(rng.randint(2, 5)),
        until=str(day.year + rng.randint(2, 5)), prev=rivals[0].name, prev_year=str(day.year - rng.randint(1, 6)),
        caps=str(rng.randint(2, 60)), tournament=TOURNAMENT_OF.get(player.group, rng.choice(
            ("European Championship", "World Cup"))),
        num=str(rng.randint(2, 45)), to_stadium=buyer.stadium, frm_stadium=seller.stadium,
        window="January" if day.month in (11, 12, 1, 2) else "summer",
        opp=rivals[1].name, stay=str(rng.randint(2, 8)), rival_club=rivals[2].name, rival_club2=rivals[3].name,
        alt_club=rivals[1].name, alt_club2=rivals[2].name, to_league=buyer.league,
        years_left=rng.choice(("one year", "two years", "three years", "18 months")),
        foreign_league=rng.choice([lg for lg in LEAGUE_COUNTRY if LEAGUE_COUNTRY[lg] != buyer.country]),
    )
    w.pick("need", NEEDS)
    same_role = [p for p in buyer.squad if p.role == player.role]
    w.people.update(p=player, to_mgr=buyer.manager, frm_mgr=seller.manager, rival_tm=rng.choice(same_role),
                    alt=rng.choice(rivals[1].squad), alt2=rng.choice(rivals[2].squad),
                    compat=rng.choice([q for q in buyer.squad if q.role != player.role]))
    return seller, buyer, player


def _transfer(w: _Writer, world: World, day: date) -> str:
    rng = w.rng
    seller, buyer, player = _transfer_values(w, world, day)
    target = rng.randint(280, 430) - 25
    w.say(w.choose(TRANSFER_LEDES), *w.sample(TRANSFER_BODY, 2))
    w.say(w.quote(buyer.manager, buyer, seller.name, TRANSFER_MGR_QUOTES))
    player_frames = ('{S_spk} told the club website: "{quote}"', '"{quote_c}" {spk_sur} said.',
                     'Speaking to {to} TV, {spk_sur} said: "{quote}"')
    w.say(w.quote(player, buyer, seller.name, TRANSFER_PLAYER_QUOTES, player_frames))
    w.pad(TRANSFER_BODY, target)
    if rng.random() < 0.6:
        w.say(w.choose(SELLER_STATEMENTS))
    return w.choose(TRANSFER_TITLES)


def _rumour(w: _Writer, world: World, day: date) -> str:
    rng = w.rng
    seller, buyer, player = _transfer_values(w, world, day)
    kind = rng.choice(tuple(RUMOUR_LEDES))
    target = rng.randint(280, 430) - 40
    w.say(w.choose(RUMOUR_LEDES[kind]), *w.sample(RUMOUR_BODY, 2))
    if rng.random() < 0.7:
        w.say(w.quote(buyer.manager, buyer, seller.name, RUMOUR_SUITOR_QUOTES))
    w.pad(RUMOUR_BODY, target)
    w.say(w.quote(seller.manager, seller, buyer.name, RUMOUR_SELLER_QUOTES))
    return w.choose(RUMOUR_TITLES[kind])


def _manager_change(w: _Writer, world: World, day: date) -> str:
    rng = w.rng
    club = rng.choice(world.clubs)
    manager, successor = club.manager, club.successor
    others = [c.name for c in world.clubs if c is not club]
    cands = rng.sample(world.pundits, 3)
    stars = rng.sample([p for p in club.squad if p.role != "goalkeeper"], 2)
    w.values.update(club=club.name, m_title=manager.role, m_prev=manager.prev, s_prev=successor.prev,
                    months=str(rng.randint(4, 30)), bad_score=rng.choice(("0-3", "1-4", "0-2", "2-5", "1-3")),
                    opp=rng.choice(others), opp2=rng.choice(others), appt_year=str(day.year - rng.randint(1, 2)),
                    m_games=str(rng.randint(8, 14)), cup=rng.choice(DOMESTIC_CUPS[club.country]),
                    league=club.league, stadium=club.stadium, weeks=str(rng.randint(2, 6)),
                    years=str(rng.randint(2, 4)), until=str(day.year + rng.randint(2, 4)),
                    points=str(rng.randint(3, 9)), wins=str(rng.randint(5, 25)), games=str(rng.randint(30, 80)))
    w.pick("run", RUNS)
    w.pick("table_state", TABLE_STATES)
    w.pick("achievement", ACHIEVEMENTS)
    w.pick("style", STYLES)
    w.people.update(m=manager, s=successor, asst=club.assistant, chair=club.chairman,
                    capt=next(p for p in club.squad if p.captain), cand=cands[0], cand2=cands[1], prev_mgr=cands[2],
                    star=stars[0], star2=stars[1])
    target = rng.randint(280, 430) - 40
    if rng.random() < 0.6:
        w.say(w.choose(SACKING_LEDES), *w.sample(SACKING_BODY, 2))
        w.say(w.quote(club.chairman, club, "", BOARD_QUOTES, BOARD_FRAMES))
        w.pad(SACKING_BODY, target)
        return w.choose(SACKING_TITLES)
    w.say(w.choose(APPOINT_LEDES), *w.sample(APPOINT_BODY, 2))
    w.say(w.quote(successor, club, "", APPOINT_QUOTES))
    w.pad(APPOINT_BODY, target)
    w.say(w.quote(club.chairman, club, "", CHAIRMAN_WELCOME_QUOTES, BOARD_FRAMES))
    return w.choose(APPOINT_TITLES)


CHAIRMAN_WELCOME_QUOTES = (
    "{s_sur} impressed us throughout the process with his ideas and his energy.",
    "We believe {s_sur} is the right person to lead the club into an exciting new chapter.",
    "His track record speaks for itself and we are delighted to have him on board.",
    "We would like to thank {asst_sur} for steadying the ship during the interim period.",
)

BUILDERS: dict[str, Callable[[_Writer, World, date], str]] = {
    "match_report": _match_report,
    "transfer": _transfer,
    "rumour": _rumour,
    "manager": _manager_change,
    "preview": _preview,
    "cup_final": _cup_final,
}


# --------------------------------------------------------------------------
# Public API and CLI
# --------------------------------------------------------------------------


def generate(n: int, seed: int = 0) -> list[dict]:
    """Generate `n` articles as dicts with keys id, title, date (ISO) and text."""
    rng = random.Random(seed)
    world = build_world(rng)
    kinds, weights = list(KIND_WEIGHTS), list(KIND_WEIGHTS.values())
    span = (LAST_DAY - FIRST_DAY).days
    articles = []
    for i in range(n):
        day = FIRST_DAY + timedelta(days=rng.randrange(span))
        w = _Writer(rng)
        _common_values(w, world, day)
        title = BUILDERS[rng.choices(kinds, weights=weights)[0]](w, world, day)
        articles.append({"id": f"{i:06d}", "title": title, "date": day.isoformat(),
                         "text": "\n\n".join(w.paragraphs)})
    return articles


def write_corpus(articles: list[dict], out: Path, fmt: str, seed: int = 0) -> None:
    """Write one `{id}.txt` per article (some starting with a `date YYYY-MM-DD` line) or one corpus.jsonl."""
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        with open(out / "corpus.jsonl", "w", encoding="utf-8", newline="\n") as fh:
            fh.writelines(json.dumps(a, ensure_ascii=False) + "\n" for a in articles)
        return
    datelines = random.Random(f"datelines-{seed}")
    for a in articles:
        header = f"date {a['date']}\n" if datelines.random() < 0.4 else ""
        (out / f"{a['id']}.txt").write_text(f"{header}{a['title']}\n\n{a['text']}\n", encoding="utf-8",
                                            newline="\n")


def main(argv: Sequence[str] | None = None) -> int:
    """CLI entry point."""
    parser = argparse.ArgumentParser(prog="python -m bench.make_corpus", description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--out", type=Path, default=Path("bench/corpus"), help="output directory")
    parser.add_argument("--format", choices=("txt", "jsonl"), default="txt", help="output format")
    args = parser.parse_args(argv)
    write_corpus(generate(args.n, args.seed), args.out, args.format, args.seed)
    print(f"wrote {args.n} articles to {args.out} ({args.format})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
